// Admin procedures for API tokens.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { adminProcedure, createRouter } from '@/server/trpc';
import * as queries from './queries';
import * as service from './service';

export const apiTokensRouter = createRouter({
  list: adminProcedure.query(({ ctx }) => queries.listApiTokens(ctx.db)),

  create: adminProcedure
    .input(z.object({ name: z.string().trim().min(1, 'Name the token after what uses it, e.g. "nightly Jira import"').max(100, 'Keep the name under 100 characters') }))
    .mutation(({ ctx, input }) => service.createApiToken(ctx.db, { name: input.name, createdBy: ctx.user.id })),

  revoke: adminProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.revokeApiToken(ctx.db, input)),
});
