// The public submissions straight from Node's HTTP server, before Next.js sees the request:
// POST /api/v1/surveys/<slug>/responses (the public form's and any client's) and POST
// /api/v1/ratings run the very handlers of their route files (runRest: the same rate limit before
// the body, the same body limits, validation, status codes and error bodies), with the headers
// Next.js itself added to that route's answer (next.config.js's security headers), recorded the
// first time Next.js answered it. Until then, and for anything else (another method, an address
// Next.js would rewrite or redirect), the request goes on to Next.js. Issue 19: Next.js's routing
// and handler machinery cost about half the throughput of a response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { installBeforeNext, onWriteHead, type HeaderMap } from '@/server/before-next';
import { stampClientAddress } from '@/server/client-address';
import type { Db } from '@/server/db';
import { postRating } from '@/server/ratings/rest';
import { runRest, type RestContext } from '@/server/rest';
import { postSurveyResponse } from '@/server/surveys/rest';

interface Route {
  name: string;
  handle: (ctx: RestContext) => Promise<Response>;
}

const RATINGS_PATH = '/api/v1/ratings';
const SURVEY_RESPONSES = /^\/api\/v1\/surveys\/([a-z0-9][a-z0-9-]*)\/responses$/;

/** The route a POST to this address runs, or null. Only plain addresses: Next.js answers the rest. */
function routeOf(address: string): Route | null {
  if (address === RATINGS_PATH) return { name: 'rating', handle: postRating };
  const match = SURVEY_RESPONSES.exec(address);
  if (!match) return null;
  const slug = match[1];
  return { name: 'survey-response', handle: (ctx) => postSurveyResponse(ctx, slug) };
}

/**
 * Headers never recorded: the handlers' own (set per answer by the Response they return), the
 * coding of one answer, and the ones of one response or connection. Vary is recorded on its own.
 */
const UNRECORDED = new Set(['content-type', 'set-cookie', 'retry-after', 'vary', 'content-encoding', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
const isRecorded = (name: string) => !UNRECORDED.has(name) && !name.startsWith('access-control-');
/** Vary entries a handler adds (CORS), and the one Next.js's compression adds after them. */
const HANDLER_VARY = new Set(['origin']);
const COMPRESSION_VARY = 'accept-encoding';

/** What Next.js adds to a route's answers: its headers, its Vary entries, and whether it compresses. */
interface NextAdds {
  headers: HeaderMap;
  vary: string[];
  compresses: boolean;
}

const globalForPath = globalThis as unknown as { frictionlogRestFastPath?: { nextAdds: Map<string, NextAdds> } };
const state = (globalForPath.frictionlogRestFastPath ??= { nextAdds: new Map() });

const varyEntries = (value: unknown) =>
  String(value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Records the headers Next.js adds to this route's answers (any status: Next.js adds the same). */
function recordNextHeaders(res: ServerResponse, route: string) {
  onWriteHead(res, (_status, headers) => {
    const varyName = Object.keys(headers).find((name) => name.toLowerCase() === 'vary');
    const vary = varyEntries(varyName ? headers[varyName] : '');
    state.nextAdds.set(route, {
      headers: Object.fromEntries(Object.entries(headers).filter(([name]) => isRecorded(name.toLowerCase()))),
      vary: vary.filter((entry) => !HANDLER_VARY.has(entry.toLowerCase()) && entry.toLowerCase() !== COMPRESSION_VARY),
      compresses: vary.some((entry) => entry.toLowerCase() === COMPRESSION_VARY),
    });
  });
}

/** The coding Next.js's compression picks (gzip, then deflate, as `compression` negotiates), or null for none. */
function codingOf(acceptEncoding: string | undefined): 'gzip' | 'deflate' | null {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const gzip = weightOf('gzip');
  const deflate = weightOf('deflate');
  const identity = weights.get('identity') ?? 0.0001;
  if (gzip > 0 && gzip >= deflate && gzip >= identity) return 'gzip';
  if (deflate > 0 && deflate >= identity) return 'deflate';
  return null;
}

/**
 * The request's body as a web stream that reads nothing until the handler reads it (a refused
 * caller's body is left to Node.js, which discards it as it does for any unread body).
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let isReading = false;
  const onData = (controller: ReadableStreamDefaultController<Uint8Array>) => (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    req.pause();
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!isReading) {
          isReading = true;
          req.on('data', onData(controller));
          req.once('end', () => controller.close());
          req.once('error', (error) => controller.error(error));
        }
        req.resume();
      },
      cancel() {
        if (!isReading) return;
        req.removeAllListeners('data');
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

function webRequestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://localhost${req.url}`, { method: 'POST', headers, body: bodyOf(req), duplex: 'half' } as RequestInit);
}

async function answer(db: Db, req: IncomingMessage, res: ServerResponse, route: Route, next: NextAdds): Promise<void> {
  const response = await runRest(db, webRequestOf(req), { auth: 'public' }, route.handle);
  let body = Buffer.from(await response.arrayBuffer());
  const headers: HeaderMap = { ...next.headers };
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'vary') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // As Next.js sends it: its Vary entries, the handler's, then its compression's; the body compressed as it would be.
  const vary = [...next.vary, ...varyEntries(response.headers.get('vary')), ...(next.compresses ? ['Accept-Encoding'] : [])];
  if (vary.length > 0) headers.vary = vary.join(', ');
  const coding = next.compresses ? codingOf(req.headers['accept-encoding']) : null;
  if (coding) {
    body = coding === 'gzip' ? zlib.gzipSync(body) : zlib.deflateSync(body);
    headers['content-encoding'] = coding;
  }
  res.writeHead(response.status, { ...headers, 'content-length': body.byteLength });
  res.end(body);
}

/**
 * Answers a public submission and returns true (the answer is written when its promise settles),
 * or returns false for Next.js to answer the request.
 */
export function answerBeforeNext(db: Db, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const route = routeOf(req.url);
  if (!route) return false;
  const next = state.nextAdds.get(route.name);
  if (!next) {
    recordNextHeaders(res, route.name);
    return false;
  }
  stampClientAddress(req);
  answer(db, req, res, route, next).catch((error: unknown) => {
    console.error('Frictionlog: a public submission could not be answered', error);
    if (!res.headersSent) res.writeHead(500, next.headers);
    res.end();
  });
  return true;
}

/** Installs the fast path on every HTTP server of this process, for the app's database; twice is a no-op. */
export function installRestFastPath(db: Db): void {
  installBeforeNext('submissions', (req, res) => answerBeforeNext(db, req, res));
}
