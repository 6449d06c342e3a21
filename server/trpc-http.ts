// The tRPC endpoint over HTTP, with the checks that come before a body is parsed: a cross-site
// state change is refused (403); a public write's per-client rate limit (meta.rateLimit, keyed on
// the client's address) is counted from the URL's procedure names alone (429 with Retry-After,
// nothing of the body read); a body is read only up to its procedure's limit (413 past it,
// never buffered whole; a bigger limit only for a signed-in caller its procedure admits); a body
// or query input that is not UTF-8 is a 400 naming the field. Everything else is tRPC's.
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { hasRole } from './auth/require-role';
import { AppError } from './errors';
import { enforceClientLimit, type ClientLimit } from './rate-limit/service';
import { DEFAULT_MAX_BODY_BYTES, readBodyWithin, refuseCrossSite, tooLargeMessage } from './request-guards';
import { appRouter } from './root';
import { assertNoReplacement, decodeUtf8 } from './text-input';
import type { Context, ProcedureMeta } from './trpc';
import type { Role } from '@/db/types';
import { createRequestContext } from './http-context';

export const TRPC_ENDPOINT = '/api/trpc';

type CreateContext = (input: { headers: Headers; resHeaders?: Headers }) => Promise<Context>;

const ROLE_OF_ACCESS: Record<ProcedureMeta['access'], Role | null> = { public: null, member: 'viewer', self: 'viewer', editor: 'editor', admin: 'admin' };

function pathsOf(url: URL): string[] {
  const joined = decodeURIComponent(url.pathname.slice(TRPC_ENDPOINT.length + 1));
  return url.searchParams.get('batch') === '1' ? joined.split(',') : [joined];
}

function metaOf(path: string): ProcedureMeta | undefined {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } } | undefined>;
  return Object.hasOwn(procedures, path) ? procedures[path]?._def.meta : undefined;
}

/** The body limit of a call: the largest its procedures allow the caller, 1 MB by default. */
function bodyLimitFor(paths: string[], ctx: Context | null): number {
  let limit = DEFAULT_MAX_BODY_BYTES;
  for (const path of paths) {
    const meta = metaOf(path);
    const role = meta && ROLE_OF_ACCESS[meta.access];
    const isAdmitted = role === null || (role !== undefined && hasRole(ctx?.user, role));
    if (meta?.maxBodyBytes && isAdmitted) limit = Math.max(limit, meta.maxBodyBytes);
  }
  return limit;
}

/** The per-client limits of a call: one hit per procedure call that has one (a batch counts each). */
const limitsOf = (paths: string[]): ClientLimit[] => paths.flatMap((path) => metaOf(path)?.rateLimit ?? []);

/** Counts the call's limits for its client; a 429 in tRPC's shape with Retry-After past one, else null. */
async function refuseOverLimit(req: Request, ctx: Context, limits: ClientLimit[]): Promise<Response | null> {
  try {
    for (const limit of limits) await enforceClientLimit(ctx.db, limit, ctx.clientKey);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'TOO_MANY_REQUESTS') throw error;
    await req.body?.cancel().catch(() => undefined);
    const response = await refuseCall(req, new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error }));
    response.headers.set('retry-after', String(error.details?.retryAfterSeconds ?? 60));
    return response;
  }
}

const wantsBiggerBody = (paths: string[]) => paths.some((path) => (metaOf(path)?.maxBodyBytes ?? 0) > DEFAULT_MAX_BODY_BYTES);

/** tRPC's superjson envelope ({json} or {"0": {json}}) is not part of the field's name. */
function trpcFieldPath(path: (string | number)[]): (string | number)[] {
  const start = path[0] === 'json' ? 1 : path[1] === 'json' ? 2 : 0;
  return path.slice(start);
}

function utf8Problem(decode: () => unknown): AppError | null {
  try {
    decode();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error;
  }
}

/** Malformed JSON is left to tRPC, which answers it with its own 400. */
function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The raw bytes of the query's input parameter, so that invalid UTF-8 in it is seen, not replaced. */
function queryInputBytes(url: URL): Uint8Array | null {
  const raw = url.search
    .slice(1)
    .split('&')
    .find((part) => part.startsWith('input='));
  if (raw === undefined) return null;
  const text = raw.slice('input='.length).replace(/\+/g, ' ');
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...Buffer.from(text[index]));
  }
  return Uint8Array.from(bytes);
}

/** Answers a call with tRPC's own error shape for every procedure in it, without reading its body. */
function refuseCall(req: Request, error: TRPCError): Promise<Response> {
  const headers = new Headers(req.headers);
  headers.delete('content-length');
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: new Request(req.url, { method: req.method, headers }),
    router: appRouter,
    createContext: () => {
      throw error;
    },
  });
}

const badText = (problem: AppError) =>
  new TRPCError({ code: 'BAD_REQUEST', message: problem.message, cause: problem });

export async function handleTrpcRequest(req: Request, createContext: CreateContext): Promise<Response> {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  const url = new URL(req.url);
  const paths = pathsOf(url);
  const resHeaders = new Headers();
  let ctx: Context | null = null;
  let request = req;

  const limits = limitsOf(paths);
  if (limits.length > 0) {
    const limited = await createContext({ headers: req.headers, resHeaders });
    const refused = await refuseOverLimit(req, limited, limits);
    if (refused) return refused;
    ctx = { ...limited, rateLimitsCounted: true };
  }

  if (req.method === 'GET') {
    const bytes = queryInputBytes(url);
    // Next.js may already have replaced bytes that are not UTF-8 in the query with U+FFFD.
    const problem = bytes && utf8Problem(() => assertNoReplacement(parseOrNull(decodeUtf8(bytes))));
    if (problem) return refuseCall(req, badText(retarget(problem)));
  } else if (req.method === 'POST') {
    // Only a call whose procedure accepts more than the default needs the session before reading.
    if (!ctx && wantsBiggerBody(paths)) ctx = await createContext({ headers: req.headers, resHeaders });
    const limit = bodyLimitFor(paths, ctx);
    const body = await readBodyWithin(req, limit);
    if (!body) return refuseCall(req, new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: tooLargeMessage(limit) }));
    const isJson = !/^multipart\/form-data/i.test(req.headers.get('content-type') ?? '');
    const problem = isJson ? utf8Problem(() => decodeUtf8(body)) : null;
    if (problem) return refuseCall(req, badText(retarget(problem)));
    request = new Request(req.url, { method: 'POST', headers: req.headers, body: body as BodyInit, signal: req.signal });
  }

  const response = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    createContext: ({ resHeaders: callHeaders }) => (ctx ? Promise.resolve(ctx) : createContext({ headers: req.headers, resHeaders: callHeaders })),
  });
  // Cookies a procedure set on a context made before the body was read.
  for (const cookie of resHeaders.getSetCookie()) response.headers.append('set-cookie', cookie);
  return response;
}

/** The decoder names a path inside tRPC's envelope; the field is the part after it. */
function retarget(problem: AppError): AppError {
  if (!problem.field) return problem;
  const path = trpcFieldPath(problem.field.split('.'));
  const field = path.join('.');
  return new AppError('BAD_REQUEST', problem.message.replace(`Field "${problem.field}"`, field ? `Field "${field}"` : 'The input'), { field: field || undefined });
}

/** The route handler of /api/trpc: the app's database and the request's session. */
export function trpcRoute(req: Request): Promise<Response> {
  return handleTrpcRequest(req, createRequestContext);
}
