// REST endpoints for non-browser clients (/api/v1/...): thin wrappers over the same domain
// functions as the tRPC procedures. One place turns errors into JSON with the right status.
import { ZodError, type z } from 'zod';
import { authenticateApiToken } from './api-tokens/service';
import { databaseProblemOf } from './database-errors';
import { getDb, type Db } from './db';
import { AppError, HTTP_STATUS, INTERNAL_ERROR_MESSAGE } from './errors';
import { clientKeyOf } from './http-context';
import { enforceClientLimit, type ClientLimit } from './rate-limit/service';
import { readBodyWithin } from './request-guards';
import { assertNoNul, decodeUtf8 } from './text-input';

export interface RestContext {
  db: Db;
  req: Request;
  url: URL;
  clientKey: string;
  /** The API token that authenticated the call; null on public endpoints. */
  tokenId: string | null;
}

export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: init.headers });
}

function zodProblem(error: ZodError, where: 'query' | 'body'): AppError {
  const [issue] = error.issues;
  const field = issue.path.join('.');
  const label = where === 'query' ? `Query parameter "${field}"` : field ? `Field "${field}"` : 'The request body';
  return new AppError('BAD_REQUEST', `${label}: ${issue.message}`, { field: field || undefined });
}

export function errorResponse(error: unknown, headers?: HeadersInit): Response {
  const problem = error instanceof ZodError ? zodProblem(error, 'body') : (databaseProblemOf(error) ?? error);
  if (problem instanceof AppError) {
    const retryAfter = problem.details?.retryAfterSeconds;
    return json(
      { error: { code: problem.code, message: problem.message, field: problem.field ?? null, details: problem.details ?? null } },
      {
        status: HTTP_STATUS[problem.code],
        headers: { ...Object.fromEntries(new Headers(headers)), ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) },
      },
    );
  }
  console.error(error);
  return json({ error: { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE, field: null, details: null } }, { status: 500, headers });
}

/** Parses the query string with a zod schema; a bad value names the parameter (400). */
export function parseQuery<T extends z.ZodType>(schema: T, url: URL): z.infer<T> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw zodProblem(result.error, 'query');
  return result.data;
}

/** Reads a JSON body of at most maxBytes (413 past it, before reading it whole) and parses it. */
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T, options: { maxBytes: number }): Promise<z.infer<T>> {
  const declared = Number(req.headers.get('content-length'));
  if (declared > options.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${options.maxBytes} bytes.`);
  }
  const text = decodeUtf8(await readLimited(req, options.maxBytes));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  assertNoNul(body);
  const result = schema.safeParse(body);
  if (!result.success) throw zodProblem(result.error, 'body');
  return result.data;
}

async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const body = await readBodyWithin(req, maxBytes);
  if (body === null) throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${maxBytes} bytes.`);
  return body;
}

/**
 * Counts the call against a per-client limit before any of its body is read (public writes call
 * it first): past the limit, a 429 with Retry-After, and the body is left unread.
 */
export async function limitClient(ctx: RestContext, limit: ClientLimit): Promise<void> {
  try {
    await enforceClientLimit(ctx.db, limit, ctx.clientKey);
  } catch (error) {
    await ctx.req.body?.cancel().catch(() => undefined);
    throw error;
  }
}

type RestHandle = (ctx: RestContext) => Promise<Response>;

/** Runs one REST call on a given database: checks the API token when asked, maps errors to JSON. */
export async function runRest(db: Db, req: Request, options: { auth: 'token' | 'public' }, handle: RestHandle): Promise<Response> {
  try {
    const tokenId =
      options.auth === 'token' ? (await authenticateApiToken(db, { authorization: req.headers.get('authorization') })).tokenId : null;
    return await handle({ db, req, url: new URL(req.url), clientKey: clientKeyOf(req.headers), tokenId });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A Next.js route handler over the app's database; tests call runRest() with their own. */
export function restHandler(options: { auth: 'token' | 'public' }, handle: RestHandle) {
  return async (req: Request): Promise<Response> => {
    let db: Db;
    try {
      db = await getDb();
    } catch (error) {
      return errorResponse(error);
    }
    return runRest(db, req, options, handle);
  };
}
