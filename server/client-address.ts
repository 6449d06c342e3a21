// The client's address for rate limits when no trusted proxy reports it. Next.js gives route
// handlers and server components only headers (NextRequest.ip is gone since Next 15), and Next
// fills X-Forwarded-For from the socket only when the client sent none, so a client could pick
// its own key. instrumentation.ts therefore installs a stamp on Node's HTTP server: every request
// gets a header holding a per-process secret and the socket's address before Next.js sees it,
// replacing any header of that name the client sent; only a header with this process's secret is
// believed. IPv6 clients are keyed by their /64, the block one machine usually holds.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Server, type IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';

export const CLIENT_ADDRESS_HEADER = 'x-frictionlog-client-address';

const globalForStamp = globalThis as unknown as { frictionlogClientStamp?: string };

/** Stamps every request this process's HTTP servers receive; installing twice is a no-op. */
export function installClientAddressStamp(): void {
  if (globalForStamp.frictionlogClientStamp) return;
  const secret = randomBytes(16).toString('hex');
  globalForStamp.frictionlogClientStamp = secret;
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function stampedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') stampClientAddress(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

/** Stamps one request (for a hook that answers before the stamp's own turn); no-op before installing. */
export function stampClientAddress(request: IncomingMessage): void {
  const secret = globalForStamp.frictionlogClientStamp;
  if (secret) request.headers[CLIENT_ADDRESS_HEADER] = `${secret} ${request.socket.remoteAddress ?? ''}`;
}

/** An address as a rate-limit key: IPv4-mapped IPv6 as IPv4, IPv6 cut to its /64; null when not an address. */
export function clientKeyOfAddress(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || !ipaddr.isValid(text)) return null;
  const address = ipaddr.process(text);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
}

/** The socket address stamped on this request by this process, or null (no stamp, or a forged one). */
export function stampedClientAddress(headers: Headers): string | null {
  const secret = globalForStamp.frictionlogClientStamp;
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (!secret || !value) return null;
  const [given = '', address] = value.split(' ');
  const isOurs = given.length === secret.length && timingSafeEqual(Buffer.from(given), Buffer.from(secret));
  return isOurs ? clientKeyOfAddress(address) : null;
}
