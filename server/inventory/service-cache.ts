// The ranked inventory is an aggregation over every evidence row (hundreds of milliseconds at
// 200,000 rows), read far more often than its inputs change. Results are kept per database and
// per question (filter, sort, page), under the version of the inputs read *before* computing:
// the data a result was computed from is never older than its version, and the next write to
// evidence, tags, themes, participants or teams (in any app process) changes the version.
import type { Db } from '../db';
import * as queries from './queries';

const MAX_ENTRIES = 100;
/** A safety net only: results are also dropped when the inputs change. */
const MAX_AGE_MS = 10 * 60_000;
/** The change log is pruned of rows older than this, well past MAX_AGE_MS. */
const KEEP_CHANGES_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

interface Entry {
  version: string;
  storedAt: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<Db, { entries: Map<string, Entry>; lastPrune: number }>();

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), lastPrune: Date.now() };
    caches.set(db, cache);
  }
  return cache;
}

/** The value for this key at the current version of the inventory's inputs, computed once. */
export async function cachedInventory<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = cacheOf(db);
  const version = await queries.inventoryVersion(db);
  const hit = cache.entries.get(key);
  if (hit && hit.version === version && Date.now() - hit.storedAt < MAX_AGE_MS) return hit.value as Promise<T>;

  const value = compute();
  cache.entries.set(key, { version, storedAt: Date.now(), value });
  value.catch(() => {
    if (cache.entries.get(key)?.value === value) cache.entries.delete(key);
  });
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  if (Date.now() - cache.lastPrune > PRUNE_EVERY_MS) {
    cache.lastPrune = Date.now();
    await queries.pruneInventoryChanges(db, { before: new Date(Date.now() - KEEP_CHANGES_MS) });
  }
  return value;
}
