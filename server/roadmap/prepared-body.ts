// A body served many times: its ETag, and its gzip and brotli forms made once per version rather
// than on every request. Shared by the Next.js route handlers (service-board-rest.ts) and the HTTP
// server's hook that answers before Next.js (service-board-fast-path.ts).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { ContentEncoding } from '@/server/lib/content-encoding';

export interface PreparedBody {
  /** The body in each coding. */
  bodies: Record<ContentEncoding, Buffer>;
  /** The ETag's opaque part, shared by the codings (each ETag adds its coding). */
  tag: string;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * The body with its codings. `quick`: gzip level 6 and brotli quality 5 instead of 9 and 9, for a
 * version that will likely be replaced within seconds (a few times cheaper, a little larger).
 */
export async function preparedBody(text: string, options: { quick?: boolean } = {}): Promise<PreparedBody> {
  const identity = Buffer.from(text);
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(identity, { level: options.quick ? 6 : zlib.Z_BEST_COMPRESSION }),
    brotliAsync(identity, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: options.quick ? 5 : 9,
        [zlib.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
  ]);
  return { bodies: { identity, gzip: gzipped, br: brotli }, tag: createHash('sha1').update(identity).digest('base64url') };
}

/** Each coding is its own representation, so its own strong ETag. */
export const etagOf = (page: PreparedBody, encoding: ContentEncoding) => (encoding === 'identity' ? `"${page.tag}"` : `"${page.tag}-${encoding}"`);

/** If-None-Match names this version in any coding (a client may switch codings between visits). */
export function isCurrent(ifNoneMatch: string | null | undefined, page: PreparedBody): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return opaque === '*' || opaque === page.tag || opaque.replace(/-(br|gzip)$/, '') === page.tag;
  });
}
