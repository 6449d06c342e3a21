// The public board over HTTP: GET /roadmap (HTML rendered once per version of its data, kept per
// question in every process with its gzip and brotli forms, served with an ETag and 304; the same
// documents are served before Next.js by service-board-fast-path.ts), POST /roadmap/vote (a plain
// form: works without JavaScript, answers with a redirect back to the board) and
// GET /roadmap/my-votes (this visitor's votes, kept out of the shared HTML).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Db } from '@/server/db';
import { enforceClientLimit } from '@/server/rate-limit/service';
import { AppError } from '@/server/errors';
import { getEnv } from '@/server/env';
import * as fields from '@/server/fields';
import { preferredEncoding } from '@/server/lib/content-encoding';
import { canSendPrecompressed, PRECOMPRESSED_ENCODING_HEADER, PRECOMPRESSED_LENGTH_HEADER } from '@/server/precompressed';
import { readCookie } from '@/server/http-context';
import { createCaller } from '@/server/root';
import type { Context } from '@/server/trpc';
import { boardQuerySchema, getBoardPageData, type BoardQuery, type Notice } from './service-board-page';
import { escapeHtml, renderBoardHtml } from './board-html';
import { VOTE_LIMIT } from './rules';
import { etagOf, isCurrent, preparedBody, type PreparedBody } from './prepared-body';
import { BOARD_FRESH_COOKIE, boardDocument, rememberAddress, type RenderBody } from './service-board-cache';

async function renderPage(db: Db, query: BoardQuery, options: { quick: boolean }): Promise<PreparedBody> {
  return preparedBody(renderBoardHtml(await getBoardPageData(db, query), query), options);
}

/**
 * Answers 304 to a matching If-None-Match, else the body in the coding the client prefers, already
 * compressed. Next.js drops a route handler's own Content-Encoding, so the coding travels in a
 * header of ours that the server's hook turns back into Content-Encoding (server/precompressed.ts);
 * where no hook is installed the plain body is sent and the server compresses it as before.
 */
export function servePrepared(req: Request, page: PreparedBody, headers: Record<string, string>): Response {
  const encoding = canSendPrecompressed() ? preferredEncoding(req.headers.get('accept-encoding')) : 'identity';
  const all = { ...headers, etag: etagOf(page, encoding), vary: 'accept-encoding' };
  if (isCurrent(req.headers.get('if-none-match'), page)) return new Response(null, { status: 304, headers: all });
  const body = page.bodies[encoding];
  const length = String(body.byteLength);
  const sizing: Record<string, string> = encoding === 'identity' ? { 'content-length': length } : { [PRECOMPRESSED_ENCODING_HEADER]: encoding, [PRECOMPRESSED_LENGTH_HEADER]: length };
  return new Response(new Uint8Array(body), { headers: { ...all, ...sizing } });
}

function queryOf(url: URL) {
  const raw = Object.fromEntries([...url.searchParams.keys()].map((key) => [key, url.searchParams.get(key) ?? '']));
  return boardQuerySchema.safeParse(raw);
}

function badQueryPage(message: string): Response {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Platform roadmap</title></head><body><main><h1>This roadmap address is not valid</h1><p>${escapeHtml(
    message,
  )}</p><p><a href="/roadmap">Open the platform roadmap</a></p></main></body></html>`;
  return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

/** GET /roadmap. */
export async function serveBoard(db: Db, req: Request): Promise<Response> {
  const parsed = queryOf(new URL(req.url));
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return badQueryPage(`Query parameter "${issue.path.join('.')}": ${issue.message}.`);
  }
  const query = parsed.data;
  let page: PreparedBody;
  try {
    page = await serveDocument(db, req, JSON.stringify(['page', query]), (options) => renderPage(db, query, options));
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_REQUEST') return badQueryPage(error.message);
    throw error;
  }
  // Browsers and proxies revalidate every time (cheap: 304), so a vote shows on the next visit.
  return servePrepared(req, page, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, no-cache' });
}

/**
 * The current document of a question (service-board-cache.ts). A voter's visit (a notice in the
 * address, or the fresh-board cookie its vote set) reads the version now; other addresses are
 * noted for the HTTP server's fast path (service-board-fast-path.ts).
 */
export async function serveDocument(db: Db, req: Request, key: string, render: RenderBody): Promise<PreparedBody> {
  const url = new URL(req.url);
  const fresh = url.searchParams.has('notice') || readCookie(req.headers, BOARD_FRESH_COOKIE) !== undefined;
  const doc = await boardDocument(db, { key, render, fresh });
  if (!fresh) rememberAddress(db, url, key);
  return doc.page;
}

// ---- Votes from the board's forms ---------------------------------------------------------------

const voteFormSchema = z.object({
  target: z
    .string()
    .transform((value) => value.split(':'))
    .pipe(z.tuple([z.enum(['item', 'request']), fields.id])),
  do: z.enum(['vote', 'unvote']).default('vote'),
});

/** Where to go back to: the board page the form was on (same site), else the board. */
function backTo(req: Request): string {
  const referer = req.headers.get('referer');
  const origin = new URL(getEnv().PUBLIC_URL).origin;
  if (referer) {
    try {
      const url = new URL(referer);
      if ((url.origin === origin || url.origin === new URL(req.url).origin) && url.pathname === '/roadmap') {
        const params = new URLSearchParams(url.search);
        params.delete('notice');
        const search = params.toString();
        return `/roadmap${search ? `?${search}` : ''}`;
      }
    } catch {
      return '/roadmap';
    }
  }
  return '/roadmap';
}

function withNotice(path: string, notice: Notice, hash: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}${hash}`;
}

function noticeOf(error: unknown, action: 'vote' | 'unvote'): Notice {
  if (!(error instanceof TRPCError)) throw error;
  if (error.code === 'TOO_MANY_REQUESTS') return 'too-many';
  if (action === 'unvote') return error.code === 'NOT_FOUND' ? 'no-vote' : 'failed';
  if (error.code === 'CONFLICT') return 'already-voted';
  if (error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND') return 'not-votable';
  throw error;
}

/** A 429 page for a client over the vote limit, linking back to the board it came from. */
function tooManyVotesPage(back: string, error: AppError): Response {
  const seconds = String(error.details?.retryAfterSeconds ?? 60);
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many votes · Platform roadmap</title></head><body><main><h1>Too many votes from here just now</h1><p>${escapeHtml(
    error.message,
  )}</p><p><a href="${escapeHtml(back)}">Back to the platform roadmap</a></p></main></body></html>`;
  return new Response(html, { status: 429, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': seconds, 'cache-control': 'no-store' } });
}

/**
 * POST /roadmap/vote: the same vote procedures as the pages' buttons (voter cookie, once per
 * voter), answered with a 303 back to the board and a notice. The vote limit is counted before
 * the form is read (429 past it). A form from another site is refused.
 */
export async function voteFromForm(ctx: Context, req: Request): Promise<Response> {
  const origin = req.headers.get('origin');
  if (origin && origin !== new URL(getEnv().PUBLIC_URL).origin && origin !== new URL(req.url).origin) {
    return new Response('Votes are taken from the roadmap’s own pages only.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const back = backTo(req);
  try {
    await enforceClientLimit(ctx.db, VOTE_LIMIT, ctx.clientKey);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'TOO_MANY_REQUESTS') throw error;
    await req.body?.cancel().catch(() => undefined);
    return tooManyVotesPage(back, error);
  }
  const form = voteFormSchema.safeParse(Object.fromEntries((await req.formData()).entries()));
  if (!form.success) return redirect(withNotice(back, 'failed', '#requests'));
  const [kind, id] = form.data.target;
  const caller = createCaller({ ...ctx, rateLimitsCounted: true });
  let notice: Notice;
  try {
    if (form.data.do === 'vote') await caller.roadmap.vote({ target: { kind, id }, email: null });
    else await caller.roadmap.unvote({ target: { kind, id } });
    notice = form.data.do === 'vote' ? 'voted' : 'unvoted';
  } catch (error) {
    notice = noticeOf(error, form.data.do);
  }
  return redirect(withNotice(back, notice, `#${kind === 'item' ? 'i' : 'r'}-${id}`));
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

const myVotesQuerySchema = z.object({
  items: z.string().max(20_000).default(''),
  requests: z.string().max(20_000).default(''),
});

const idList = (text: string) => text.split(',').filter((id) => fields.id.safeParse(id).success).slice(0, 500);

/** GET /roadmap/my-votes?items=a,b&requests=c: which of these this visitor voted for. */
export async function myVotes(ctx: Context, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const parsed = myVotesQuerySchema.safeParse(Object.fromEntries(url.searchParams.entries()));
  const query = parsed.success ? parsed.data : { items: '', requests: '' };
  const result = await createCaller(ctx).roadmap.myVotes({ itemIds: idList(query.items), requestIds: idList(query.requests) });
  return Response.json(result, { headers: { 'cache-control': 'private, no-store' } });
}

