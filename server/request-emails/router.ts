// Procedures for request emails: the unsubscribe link (public, no sign-in, own output schemas)
// and the workspace's view of whether email is on.
import { z } from 'zod';
import { createRouter, memberProcedure, publicProcedure } from '@/server/trpc';
import * as service from './service';

const tokenInput = z.object({ token: z.string().trim().min(1, 'The unsubscribe link has no token: open the link from the email again.').max(200) });

export const requestEmailsRouter = createRouter({
  checkUnsubscribe: publicProcedure
    .input(tokenInput)
    .output(z.object({ isValid: z.boolean() }))
    .query(({ ctx, input }) => service.checkUnsubscribeLink(ctx.db, input)),

  unsubscribe: publicProcedure
    .input(tokenInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => service.unsubscribe(ctx.db, input)),

  settings: memberProcedure.query(({ ctx }) => service.getEmailSettings(ctx.db)),
});
