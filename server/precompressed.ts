// Precompressed responses through `next start`. Next.js drops the Content-Encoding (and
// Content-Length) a route handler sets, since a fetch body may have been decoded on the way, and
// then gzips every response itself: for the public board that is ~70 KB of HTML compressed again
// on each request. A handler that has the compressed bytes ready names their coding in
// PRECOMPRESSED_ENCODING_HEADER instead; the hook installed here on Node's HTTP server (from
// instrumentation.ts, before Next.js sees a request) turns that header back into Content-Encoding
// as Next.js sets it, so Next's compressor sees the body as already encoded and passes it through.
import { Server, type ServerResponse } from 'node:http';

export const PRECOMPRESSED_ENCODING_HEADER = 'x-frictionlog-content-encoding';
export const PRECOMPRESSED_LENGTH_HEADER = 'x-frictionlog-content-length';

const RENAMED = new Map([
  [PRECOMPRESSED_ENCODING_HEADER, 'content-encoding'],
  [PRECOMPRESSED_LENGTH_HEADER, 'content-length'],
]);

const globalForHook = globalThis as unknown as { frictionlogPrecompressedHook?: boolean };

/** Whether this process's HTTP server passes precompressed bodies through (else send them plain). */
export function canSendPrecompressed(): boolean {
  return globalForHook.frictionlogPrecompressedHook === true;
}

const renamed = (name: string) => RENAMED.get(name.toLowerCase()) ?? name;

function passPrecompressed(response: ServerResponse) {
  const { setHeader, appendHeader } = response;
  response.setHeader = function setRenamedHeader(this: ServerResponse, name: string, value: number | string | readonly string[]) {
    return setHeader.call(this, renamed(name), value);
  };
  response.appendHeader = function appendRenamedHeader(this: ServerResponse, name: string, value: string | readonly string[]) {
    return appendHeader.call(this, renamed(name), value);
  };
}

/** Installs the hook on every HTTP server of this process; installing twice is a no-op. */
export function installPrecompressedResponses(): void {
  if (globalForHook.frictionlogPrecompressedHook) return;
  globalForHook.frictionlogPrecompressedHook = true;
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function precompressedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') passPrecompressed(args[1] as ServerResponse);
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
}
