// A cache for aggregations that are read far more often than their inputs change. A value is kept
// per database and per key under the version of the inputs read *before* computing it: the data a
// value was computed from is never older than its version, and the next committed write to the
// inputs (in any app process) changes the version. The version comes from a change log table that
// statement-level triggers fill (see migrations 0620 and 0630); readers prune it now and then.

export interface VersionedCacheOptions<D> {
  /** The current version of the inputs, e.g. "count:newest id" of the change log. */
  version: (db: D) => Promise<string>;
  /** Drops change log rows older than `before` (and must still change the version). */
  prune: (db: D, input: { before: Date }) => Promise<void>;
  maxEntries?: number;
  /** A safety net only: values are also dropped when the inputs change. */
  maxAgeMs?: number;
}

/** The change log is pruned of rows older than this, well past any maxAgeMs. */
const KEEP_CHANGES_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

interface Entry {
  version: string;
  storedAt: number;
  value: Promise<unknown>;
}

/** Returns `cached(db, key, compute)`: the value for the key at the current version, computed once. */
export function createVersionedCache<D extends object>(options: VersionedCacheOptions<D>) {
  const maxEntries = options.maxEntries ?? 100;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const caches = new WeakMap<D, { entries: Map<string, Entry>; lastPrune: number }>();

  function cacheOf(db: D) {
    let cache = caches.get(db);
    if (!cache) {
      cache = { entries: new Map(), lastPrune: Date.now() };
      caches.set(db, cache);
    }
    return cache;
  }

  return async function cached<T>(db: D, key: string, compute: () => Promise<T>): Promise<T> {
    const cache = cacheOf(db);
    const version = await options.version(db);
    const hit = cache.entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.storedAt < maxAgeMs) return hit.value as Promise<T>;

    const value = compute();
    cache.entries.set(key, { version, storedAt: Date.now(), value });
    value.catch(() => {
      if (cache.entries.get(key)?.value === value) cache.entries.delete(key);
    });
    if (cache.entries.size > maxEntries) cache.entries.delete(cache.entries.keys().next().value!);
    if (Date.now() - cache.lastPrune > PRUNE_EVERY_MS) {
      cache.lastPrune = Date.now();
      await options.prune(db, { before: new Date(Date.now() - KEEP_CHANGES_MS) });
    }
    return value;
  };
}
