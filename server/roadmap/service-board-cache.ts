// The public board's cache key: a version of everything the board shows, read from the
// roadmap's change log (items, public themes, publications, requests, votes: migration 0760) and
// the pain inventory's (the theme numbers on cards). Another process's write shows within
// VERSION_CHECK_MS; this process's own writes forget the version so they show at once.
import { changeLogVersion, pruneChangeLog } from '@/server/change-log/queries';
import type { Db } from '@/server/db';
import { createVersionedCache } from '@/server/lib/versioned-cache';

/** A change in one process reaches every other one within this time (the version is re-read at most this often). */
export const VERSION_CHECK_MS = 1000;

const lastVersion = new WeakMap<Db, { at: number; version: Promise<string> }>();

/** The board's version, read at most once a second per process: a busy board costs no query per visit. */
function boardVersion(db: Db): Promise<string> {
  const seen = lastVersion.get(db);
  if (seen && Date.now() - seen.at < VERSION_CHECK_MS) return seen.version;
  const version = Promise.all([changeLogVersion(db, { log: 'roadmap_changes' }), changeLogVersion(db, { log: 'inventory_changes' })]).then((parts) =>
    parts.join('/'),
  );
  lastVersion.set(db, { at: Date.now(), version });
  version.catch(() => lastVersion.delete(db));
  return version;
}

/** Forgets the version this process saw: its own writes then show on its next visit at once. */
export function forgetBoardVersion(db: Db): void {
  lastVersion.delete(db);
}

/** Values computed once per version of the board's data (the page per question, the JSON API's body). */
export const cachedByBoardVersion = createVersionedCache<Db>({
  version: boardVersion,
  prune: (db, input) => pruneChangeLog(db, { log: 'roadmap_changes', before: input.before }),
  maxEntries: 200,
});
