// Checks that run on a request before any of its body is parsed: a state-changing request from a
// foreign page is refused (403), and a body is read only up to its limit (413 past it, the rest
// never buffered). The tRPC route and the cookie-authenticated routes call these first.
import { getEnv } from './env';

/** What a tRPC request body may weigh unless its procedure says otherwise (meta.maxBodyBytes). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** The origins a state-changing request may come from: PUBLIC_URL's, and the host it was sent to. */
function isOwnOrigin(origin: string, headers: Headers): boolean {
  if (origin === originOf(getEnv().PUBLIC_URL)) return true;
  // The request's own host, whatever the scheme a TLS proxy in front of it removed.
  const host = (getEnv().TRUST_PROXY ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : null) || headers.get('host');
  if (!host) return false;
  const parsed = originOf(origin);
  return parsed !== null && new URL(parsed).host === host.toLowerCase();
}

/**
 * Why a state-changing request is refused as cross-site, or null. Browsers send Origin on every
 * cross-origin POST (and "null" from sandboxed frames); without it, a Referer is checked. A request
 * with neither comes from a program, not a page, and carries no ambient credentials of a page.
 */
export function crossSiteProblem(req: Request): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const origin = req.headers.get('origin');
  if (origin !== null) return isOwnOrigin(origin, req.headers) ? null : `Origin ${origin}`;
  const referer = req.headers.get('referer');
  if (referer) {
    const refererOrigin = originOf(referer);
    return refererOrigin && isOwnOrigin(refererOrigin, req.headers) ? null : `Referer ${refererOrigin ?? 'that cannot be read'}`;
  }
  return null;
}

export const CROSS_SITE_MESSAGE = 'This request came from another site and was refused. Use Frictionlog from its own address.';

/** A 403 JSON response for a cross-site request, or null when it may go on. */
export function refuseCrossSite(req: Request): Response | null {
  const problem = crossSiteProblem(req);
  if (!problem) return null;
  return Response.json({ error: { code: 'FORBIDDEN', message: CROSS_SITE_MESSAGE, field: null, details: { from: problem } } }, { status: 403 });
}

/**
 * Reads a body up to maxBytes and returns it, or null as soon as it is larger (the declared length
 * or the bytes read so far): the rest is never read into memory.
 */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get('content-length'));
  if (declared > maxBytes) {
    await req.body?.cancel();
    return null;
  }
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export const tooLargeMessage = (maxBytes: number) =>
  `The request is larger than the limit of ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`} and was not read.`;
