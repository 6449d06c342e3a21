// Procedures of the platform metrics dashboard.
import { z } from 'zod';
import * as fields from '../fields';
import { createRouter, editorProcedure, memberProcedure } from '../trpc';
import * as service from './service';

export const metricsRouter = createRouter({
  delivery: memberProcedure
    .input(z.object({ quarters: z.number().int().min(1).max(12).default(4), teamId: fields.id.optional() }))
    .query(({ ctx, input }) => service.getDeliveryDashboard(ctx.db, input)),

  importDeployments: editorProcedure
    .input(z.object({ text: z.string().max(50_000_000, 'The file is larger than 50 MB; send it through the API in batches instead.') }))
    .mutation(({ ctx, input }) => service.importDeploymentsCsv(ctx.db, input)),
});
