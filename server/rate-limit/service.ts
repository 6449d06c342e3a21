// Rate limits for public writes (answers, ratings, requests, votes): a fixed number of hits per
// client and window, refused past the limit with how long to wait. An endpoint counts its limit
// before it reads the body (tRPC: a procedure's meta.rateLimit in server/trpc-http.ts; REST: the
// handler's first step), so a caller over the limit cannot make the server parse anything. The bucket names a client
// (`survey-response:<address>`), so it is stored as a keyed hash and deleted as soon as its
// window ends: a client's address never outlives the minute it protects.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { getServerKey, keyedHash } from '@/server/secrets/service';
import * as queries from './queries';

/** Ended windows are swept at most this often per process while requests come in. */
const SWEEP_EVERY_MS = 1000;
const sweeps = new WeakMap<Db, { lastAt: number; timer: NodeJS.Timeout | null; timerAt: number }>();

/** Deletes the windows that have ended and schedules the next sweep for when the next one ends. */
export async function sweepEndedWindows(db: Db, now = new Date()): Promise<void> {
  const state = sweeps.get(db) ?? { lastAt: 0, timer: null, timerAt: 0 };
  sweeps.set(db, state);
  state.lastAt = Date.now();
  const next = await queries.deleteEndedWindows(db, { now });
  if (next) scheduleSweep(db, next);
}

// A timer (not the next request) drops a window when it ends, so a quiet minute still forgets it.
// A window that has ended by the clock already waits for the next request's sweep.
function scheduleSweep(db: Db, at: Date) {
  const state = sweeps.get(db)!;
  if (at.getTime() <= Date.now()) return;
  if (state.timer && state.timerAt <= at.getTime()) return;
  if (state.timer) clearTimeout(state.timer);
  state.timerAt = at.getTime();
  state.timer = setTimeout(() => {
    state.timer = null;
    sweepEndedWindows(db).catch((error: unknown) => console.error('Frictionlog: ended rate-limit windows could not be deleted', error));
  }, at.getTime() - Date.now() + 50);
  state.timer.unref();
}

/** A limit per client: at most `limit` hits a window in the bucket `<name>:<client key>`. */
export interface ClientLimit {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Counts one hit of this client against the limit; past it, a 429 AppError with the wait. */
export function enforceClientLimit(db: Db, limit: ClientLimit, clientKey: string, now = new Date()): Promise<void> {
  return enforceRateLimit(db, { bucket: `${limit.name}:${clientKey}`, limit: limit.limit, windowSeconds: limit.windowSeconds }, now);
}

export async function enforceRateLimit(
  db: Db,
  input: { bucket: string; limit: number; windowSeconds: number },
  now = new Date(),
): Promise<void> {
  const windowMs = input.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  const bucket = keyedHash(await getServerKey(db), 'rate-limit', input.bucket);
  const hits = await queries.countHit(db, { bucket, windowStart, expiresAt });
  const state = sweeps.get(db);
  if (!state || Date.now() - state.lastAt > SWEEP_EVERY_MS) await sweepEndedWindows(db, now);
  else scheduleSweep(db, expiresAt);
  if (hits > input.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
    throw new AppError('TOO_MANY_REQUESTS', `Too many requests from here. Try again in ${retryAfterSeconds} seconds.`, {
      details: { retryAfterSeconds },
    });
  }
}
