// Procedures for rating flows (admins register them) and their numbers; ratings themselves come
// in through POST /api/v1/ratings.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { todayOf } from '@/server/surveys/rules';
import { adminProcedure, createRouter, memberProcedure } from '@/server/trpc';
import { flowKeySchema, flowNameSchema, originsSchema } from './rules';
import * as service from './service';

export const ratingsRouter = createRouter({
  flows: memberProcedure.query(({ ctx }) => service.listFlows(ctx.db, { today: todayOf() })),

  flow: memberProcedure.input(z.object({ key: flowKeySchema })).query(({ ctx, input }) => service.getFlow(ctx.db, { key: input.key, today: todayOf() })),

  comments: memberProcedure
    .input(z.object({ key: flowKeySchema, limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }))
    .query(({ ctx, input }) => service.listFlowComments(ctx.db, input)),

  createFlow: adminProcedure
    .input(z.object({ key: flowKeySchema, name: flowNameSchema, allowedOrigins: originsSchema }))
    .mutation(({ ctx, input }) => service.createFlow(ctx.db, { ...input, createdBy: ctx.user.id })),

  updateFlow: adminProcedure
    .input(z.object({ id: fields.id, name: flowNameSchema, allowedOrigins: originsSchema }))
    .mutation(({ ctx, input }) => service.updateFlow(ctx.db, input)),
});
