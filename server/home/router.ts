// The home page's one procedure: the weekly review, read by any member of the workspace.
import { createRouter, memberProcedure } from '@/server/trpc';
import * as service from './service';

export const homeRouter = createRouter({
  weeklyReview: memberProcedure.query(({ ctx }) => service.getWeeklyReview(ctx.db)),
});
