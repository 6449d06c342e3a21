// REST handlers called as one client: runRest keys a call on the address the server stamped on it,
// which a Request built in a test has none of, so these build the handler's context by hand.
import type { Db } from '@/server/db';
import type { RestContext } from '@/server/rest';

/** A JSON POST to a path of the test server. */
export function jsonPost(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://frictionlog.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The context runRest would give a public call from the client `clientKey`. */
export function restContextAs(db: Db, clientKey: string, req: Request): RestContext {
  return { db, req, url: new URL(req.url), clientKey, tokenId: null };
}

/** Calls a handler until it answers something other than `okStatus` (at most `atMost` times). */
export async function untilStatusChanges(call: () => Promise<Response>, okStatus: number, atMost: number): Promise<{ accepted: number; refused: Response | null }> {
  for (let accepted = 0; accepted < atMost; accepted += 1) {
    const response = await call();
    if (response.status !== okStatus) return { accepted, refused: response };
    await response.arrayBuffer();
  }
  return { accepted: atMost, refused: null };
}
