// Procedures of the platform metrics dashboard and the before/after impact of shipped items.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { bodyBytesForText, createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as service from './service';
import { getImpact, IMPACT_WEEKS, linkRatingFlow } from './service-impact';
import { listManualWorkCategories, setManualWork } from './service-manual-work';
import { getOutcomes, listShipMarkers } from './service-outcomes';

const quarters = z.number().int().min(1).max(12).default(4);

const deploymentsFile = z.object({ text: z.string().max(50_000_000, 'The file is larger than 50 MB; send it through the API in batches instead.') });

export const metricsRouter = createRouter({
  delivery: memberProcedure
    .input(z.object({ quarters, teamId: fields.id.optional() }))
    .query(({ ctx, input }) => service.getDeliveryDashboard(ctx.db, input)),

  outcomes: memberProcedure.input(z.object({ quarters })).query(({ ctx, input }) => getOutcomes(ctx.db, input)),

  shipMarkers: memberProcedure.query(({ ctx }) => listShipMarkers(ctx.db)),

  impact: memberProcedure
    .input(
      z.object({
        itemId: fields.id,
        weeks: z.number().int().refine((weeks) => (IMPACT_WEEKS as readonly number[]).includes(weeks), `Choose ${IMPACT_WEEKS.join(', ')} weeks`).default(8),
        snapshotId: fields.id.nullish().transform((value) => value ?? null),
      }),
    )
    .query(({ ctx, input }) => getImpact(ctx.db, input)),

  linkRatingFlow: editorProcedure
    .input(z.object({ itemId: fields.id, flowId: fields.id.nullable() }))
    .mutation(({ ctx, input }) => linkRatingFlow(ctx.db, input)),

  manualWorkCategories: memberProcedure.query(({ ctx }) => listManualWorkCategories(ctx.db)),

  setManualWork: editorProcedure
    .input(
      z.object({
        category: z.string({ message: 'Choose a category' }).trim().min(1, 'Choose a category').max(80, 'A category is at most 80 characters'),
        isManualWork: z.boolean({ message: 'isManualWork must be true or false' }),
      }),
    )
    .mutation(({ ctx, input }) => setManualWork(ctx.db, { ...input, userId: ctx.user.id })),

  /** What importing the file would do, written nowhere: the page shows it before importing. */
  previewDeployments: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(50_000_000) })
    .input(deploymentsFile)
    .mutation(({ ctx, input }) => service.previewDeploymentsCsv(ctx.db, input)),

  importDeployments: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(50_000_000) })
    .input(deploymentsFile)
    .mutation(({ ctx, input }) => service.importDeploymentsCsv(ctx.db, input)),
});
