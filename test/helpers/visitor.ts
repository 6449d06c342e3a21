// An anonymous developer on the public pages, for integration tests: a caller with its own
// cookie jar (so the voter cookie set by one call is sent with the next) and client address.
import type { DbHandle } from '@/db/create-db';
import { createCaller } from '@/server/root';
import { createContextInner } from '@/server/trpc';

let counter = 0;
const jars = new WeakMap<object, Map<string, string>>();

/** The cookies a visitor holds (the caller is a proxy, so they live beside it). */
export function cookiesOf(caller: object): Map<string, string> {
  return jars.get(caller)!;
}

export function visitor(handle: DbHandle, options: { clientKey?: string } = {}) {
  const jar = new Map<string, string>();
  const caller = createCaller(
    createContextInner({
      db: handle.db,
      user: null,
      clientKey: options.clientKey ?? `visitor-${++counter}`,
      cookies: { get: (name) => jar.get(name), set: (name, value) => jar.set(name, value), clear: (name) => jar.delete(name) },
    }),
  );
  jars.set(caller, jar);
  return caller;
}
