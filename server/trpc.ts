// tRPC initialisation: the request context, the one error formatter and the procedure kinds.
// Every router builds on the kinds exported here; their role check is requireRole (auth/require-role.ts),
// the same function the REST handlers call.
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Role } from '@/db/types';
import { requireRole } from './auth/require-role';
import { databaseProblemOf } from './database-errors';
import type { Db } from './db';
import { AppError, INTERNAL_ERROR_MESSAGE } from './errors';
import { enforceClientLimit, type ClientLimit } from './rate-limit/service';
import { assertNoNul } from './text-input';

// ---- Context ---------------------------------------------------------------------------------

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionId: string;
}

/** Where a procedure sets or clears cookies; the HTTP adapter writes them as Set-Cookie headers. */
export interface CookieJar {
  set: (name: string, value: string, options: { maxAgeSeconds: number }) => void;
  clear: (name: string) => void;
  /** A cookie the request came with (e.g. the anonymous voter's token on public pages). */
  get?: (name: string) => string | undefined;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Identifies the client for rate limits (its address when known). Never stored with answers. */
  clientKey: string;
  cookies: CookieJar;
  /** Set by the HTTP endpoint once it has counted the call's rate limits, before reading its body. */
  rateLimitsCounted?: boolean;
}

/** Plain data in, context out: tests build one with any user they like. */
export function createContextInner(input: {
  db: Db;
  user?: SessionUser | null;
  clientKey?: string;
  cookies?: CookieJar;
}): Context {
  return {
    db: input.db,
    user: input.user ?? null,
    clientKey: input.clientKey ?? 'local',
    cookies: input.cookies ?? { set: () => undefined, clear: () => undefined },
  };
}

// ---- Errors ----------------------------------------------------------------------------------

export type FieldErrors = Record<string, string[]>;

function fieldErrorsOf(error: TRPCError): FieldErrors | null {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fields: FieldErrors = {};
    for (const issue of cause.issues) {
      const key = issue.path.join('.') || 'input';
      (fields[key] ??= []).push(issue.message);
    }
    return fields;
  }
  if (cause instanceof AppError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}

function toTRPCError(error: unknown): TRPCError | null {
  const cause = databaseProblemOf(error) ?? error;
  if (cause instanceof AppError) return new TRPCError({ code: cause.code, message: cause.message, cause });
  if (cause instanceof ZodError) {
    // A validation failure reads as its first problem, naming the field: "email: Enter a valid email".
    const [issue] = cause.issues;
    const field = issue.path.join('.');
    return new TRPCError({ code: 'BAD_REQUEST', message: field ? `${field}: ${issue.message}` : issue.message, cause });
  }
  return null;
}

// ---- Procedure kinds -------------------------------------------------------------------------

export type Access = 'public' | 'member' | 'self' | 'editor' | 'admin';

export interface ProcedureMeta {
  /**
   * Who may call it. public: anyone; member: any signed-in account (reads only); self: a
   * signed-in account acting on itself (sign out, own password); editor and admin: those roles.
   */
  access: Access;
  /**
   * The largest request body the procedure accepts over HTTP, in bytes, for signed-in callers it
   * admits (1 MB when unset, server/request-guards.ts); file uploads as text set it with bodyBytesForText.
   */
  maxBodyBytes?: number;
  /**
   * A per-client limit (public writes). Over HTTP it is counted before the body is read
   * (server/trpc-http.ts); in-process callers (pages, forms, tests) count it in the middleware.
   */
  rateLimit?: ClientLimit;
}

/** A body that can carry this many characters of text as JSON (UTF-8, escapes, the envelope). */
export const bodyBytesForText = (characters: number) => characters * 3 + 64 * 1024;

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
      if (isInternal) console.error(error.cause ?? error);
      const cause = error.cause instanceof AppError ? error.cause : null;
      const fieldErrors = fieldErrorsOf(error);
      return {
        ...shape,
        message: isInternal ? INTERNAL_ERROR_MESSAGE : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors,
          details: cause?.details ?? null,
        },
      };
    },
  });

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain code throws AppError and zod rejects input; this turns both into the matching tRPC error
// with a message for people, in one place (for HTTP and in-process callers alike).
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

// NUL characters in any input are a 400 naming the field, before the input schema or a query sees
// them (PostgreSQL text cannot hold one). Invalid UTF-8 is refused on the way in (server/trpc-http.ts).
// Procedures that take a whole file as text (those with a larger body limit) are left to their
// parsers, which report such bytes by row and column or refuse a binary file as such.
const textInput = t.middleware(async ({ getRawInput, meta, next }) => {
  if (meta?.maxBodyBytes === undefined) assertNoNul(await getRawInput());
  return next();
});

// A procedure's per-client limit, counted once per call: here unless the HTTP endpoint already did.
const clientLimit = t.middleware(async ({ ctx, meta, next }) => {
  if (meta?.rateLimit && !ctx.rateLimitsCounted) await enforceClientLimit(ctx.db, meta.rateLimit, ctx.clientKey);
  return next();
});

// The role check itself is requireRole (server/auth/require-role.ts), shared with the REST handlers;
// its AppError becomes the matching tRPC error in appErrors above.
function roleAtLeast(minimum: Role) {
  return t.middleware(({ ctx, next }) => next({ ctx: { ...ctx, user: requireRole(ctx.user, minimum) } }));
}

const base = t.procedure.use(appErrors);

/** Anyone, signed in or not: public pages, survey answers, ratings, sign-in itself. */
export const publicProcedure = base.meta({ access: 'public' }).use(clientLimit).use(textInput);
/** Any signed-in account, viewers included. Use for reads only. */
export const memberProcedure = base.meta({ access: 'member' }).use(roleAtLeast('viewer')).use(textInput);
/** A signed-in account changing only itself (sign out, own password). */
export const selfProcedure = base.meta({ access: 'self' }).use(roleAtLeast('viewer')).use(textInput);
/** Editors and admins: every change to workspace data. */
export const editorProcedure = base.meta({ access: 'editor' }).use(roleAtLeast('editor')).use(textInput);
/** Admins only: members, API tokens, settings. */
export const adminProcedure = base.meta({ access: 'admin' }).use(roleAtLeast('admin')).use(textInput);
