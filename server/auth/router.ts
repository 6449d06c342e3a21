// Procedures for signing in and out, first-run setup, the caller's own account and workspace
// members. Thin: validate, call the domain function, set or clear the cookie.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { adminProcedure, createRouter, memberProcedure, publicProcedure, selfProcedure, type Context } from '@/server/trpc';
import * as service from './service';
import * as queries from './queries';

const SESSION_MAX_AGE = service.SESSION_DAYS * 24 * 60 * 60;

const signedInAccount = z.object({ id: z.string(), name: z.string(), email: z.string(), role: fields.role });

function setSessionCookie(ctx: Context, session: service.NewSession) {
  ctx.cookies.set(service.SESSION_COOKIE, session.token, { maxAgeSeconds: SESSION_MAX_AGE });
  const { id, name, email, role } = session.user;
  return { id, name, email, role };
}

export const authRouter = createRouter({
  status: publicProcedure
    .output(
      z.object({
        isSetupDone: z.boolean(),
        user: z.object({ name: z.string(), role: fields.role }).nullable(),
      }),
    )
    .query(async ({ ctx }) => ({
      isSetupDone: await service.isSetupDone(ctx.db),
      user: ctx.user ? { name: ctx.user.name, role: ctx.user.role } : null,
    })),

  setup: publicProcedure
    .input(z.object({ name: fields.personName, email: fields.email, password: fields.newPassword }))
    .output(signedInAccount)
    .mutation(async ({ ctx, input }) => setSessionCookie(ctx, await service.setupFirstAdmin(ctx.db, input))),

  signIn: publicProcedure
    .input(
      z.object({
        email: z.string().trim().min(1, 'Enter your email address').max(254),
        password: z.string().min(1, 'Enter your password').max(200),
      }),
    )
    .output(signedInAccount)
    .mutation(async ({ ctx, input }) =>
      setSessionCookie(ctx, await service.signIn(ctx.db, { ...input, clientKey: ctx.clientKey })),
    ),

  signOut: selfProcedure.mutation(async ({ ctx }) => {
    await service.signOut(ctx.db, { sessionId: ctx.user.sessionId });
    ctx.cookies.clear(service.SESSION_COOKIE);
  }),

  me: memberProcedure.query(({ ctx }) => {
    const { id, name, email, role } = ctx.user;
    return { id, name, email, role };
  }),

  changePassword: selfProcedure
    .input(z.object({ currentPassword: z.string().min(1, 'Enter your current password'), newPassword: fields.newPassword }))
    .mutation(({ ctx, input }) => service.changeOwnPassword(ctx.db, { user: ctx.user, ...input })),
});

export const membersRouter = createRouter({
  list: memberProcedure.query(({ ctx }) => queries.listMembers(ctx.db)),

  add: adminProcedure
    .input(z.object({ name: fields.personName, email: fields.email, role: fields.role, password: fields.newPassword }))
    .mutation(({ ctx, input }) => service.addMember(ctx.db, input)),

  changeRole: adminProcedure
    .input(z.object({ id: fields.id, role: fields.role }))
    .mutation(({ ctx, input }) => service.changeMemberRole(ctx.db, input)),

  remove: adminProcedure
    .input(z.object({ id: fields.id }))
    .mutation(({ ctx, input }) => service.removeMember(ctx.db, input)),

  resetPassword: adminProcedure
    .input(z.object({ id: fields.id, password: fields.newPassword }))
    .mutation(({ ctx, input }) => service.resetMemberPassword(ctx.db, input)),
});
