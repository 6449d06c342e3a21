// Procedures of the demo workspace: whether it is loaded, load it, remove it.
import { adminProcedure, createRouter, memberProcedure } from '@/server/trpc';
import * as service from './service';

export const demoRouter = createRouter({
  status: memberProcedure.query(({ ctx }) => service.getDemoStatus(ctx.db)),

  load: adminProcedure.mutation(({ ctx }) => service.loadDemo(ctx.db, { createdBy: ctx.user.id })),

  remove: adminProcedure.mutation(({ ctx }) => service.removeDemo(ctx.db)),
});
