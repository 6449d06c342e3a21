// The coverage view's one procedure.
import { createRouter, memberProcedure } from '@/server/trpc';
import * as service from './service';

export const coverageRouter = createRouter({
  get: memberProcedure.query(({ ctx }) => service.getCoverage(ctx.db)),
});
