// The public board straight from Node's HTTP server, before Next.js sees the request: GET /roadmap
// (any question) and GET /api/v1/roadmap are answered from the board's documents
// (service-board-cache.ts) when this process holds the current version's document for that exact
// address and coding, with the headers Next.js itself sent for that address (its security headers
// included), recorded the first time Next.js answered it. Anything else falls through to Next.js,
// which renders, fills the cache and is recorded: a version not read within the last second
// (read here first, once per process, then answered), an address or coding not seen yet, a
// voter's fresh visit (a notice in the address, or BOARD_FRESH_COOKIE), HEAD, other methods.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { installBeforeNext, onWriteHead } from '@/server/before-next';
import type { Db } from '@/server/db';
import { preferredEncoding, type ContentEncoding } from '@/server/lib/content-encoding';
import { etagOf, isCurrent } from './prepared-body';
import { BOARD_FRESH_COOKIE, boardState, knownBoardVersion, readBoardVersion, servableDocument, type BoardState } from './service-board-cache';

/** The addresses answered here (with any query). */
const PATHS = new Set(['/roadmap', '/api/v1/roadmap']);
/** Headers of one response or connection, never replayed. */
const OWN_HEADERS = new Set(['etag', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const MAX_RECORDED = 2000;

/** Records the headers Next.js sends with a board document for this address and coding. */
function recordNextHeaders(state: BoardState, res: ServerResponse, address: string, coding: ContentEncoding) {
  onWriteHead(res, (status, headers) => {
    const key = state.urls.get(address);
    const doc = key ? state.questions.get(key)?.doc : null;
    const isDocument =
      status === 200 && doc && headers.etag === etagOf(doc.page, coding) && (headers['content-encoding'] ?? 'identity') === coding && !('set-cookie' in headers);
    if (key && isDocument) {
      const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())));
      state.served.set(`${coding} ${address}`, { key, headers: kept });
      if (state.served.size > MAX_RECORDED) state.served.delete(state.served.keys().next().value!);
    }
  });
}

/**
 * Answers the request from the board's documents and returns true, or returns false (after a
 * version read, a promise of it) for Next.js to answer it.
 */
export function answerFromBoardCache(db: Db, req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
  const address = req.url;
  if (req.method !== 'GET' || !address) return false;
  const queryAt = address.indexOf('?');
  if (!PATHS.has(queryAt === -1 ? address : address.slice(0, queryAt))) return false;
  if (address.includes('notice=') || req.headers.cookie?.includes(`${BOARD_FRESH_COOKIE}=`)) return false;
  const state = boardState(db);
  const coding = preferredEncoding(req.headers['accept-encoding'] ?? null);
  const recorded = state.served.get(`${coding} ${address}`);
  if (!recorded) {
    recordNextHeaders(state, res, address, coding);
    return false;
  }
  const answer = (): boolean => {
    const version = knownBoardVersion(state);
    const doc = version === null ? null : servableDocument(state, recorded.key, version, state.confirmedAt);
    if (!doc) return false;
    const etag = etagOf(doc.page, coding);
    if (isCurrent(req.headers['if-none-match'], doc.page)) {
      const { 'content-encoding': _coding, ...headers } = recorded.headers;
      res.writeHead(304, { ...headers, etag });
      res.end();
      return true;
    }
    const body = doc.page.bodies[coding];
    res.writeHead(200, { ...recorded.headers, etag, 'content-length': body.byteLength });
    res.end(body);
    return true;
  };
  if (knownBoardVersion(state) !== null) return answer();
  return readBoardVersion(db, state.noStaleBefore).then(answer, () => false);
}

/** Installs the fast path on every HTTP server of this process, for the app's database; twice is a no-op. */
export function installBoardFastPath(db: Db): void {
  installBeforeNext('board', (req, res) => answerFromBoardCache(db, req, res));
}
