// Rate limits for public writes (answers, ratings, requests, votes): a fixed number of hits per
// client and window, refused past the limit with how long to wait.
import type { Db } from '../db';
import { AppError } from '../errors';
import * as queries from './queries';

/** Old windows are cleared by whoever is counting, at most this often per process (not per request: the delete scans the table). */
const CLEANUP_EVERY_MS = 60_000;
let lastCleanup = 0;

export async function enforceRateLimit(
  db: Db,
  input: { bucket: string; limit: number; windowSeconds: number },
  now = new Date(),
): Promise<void> {
  const windowMs = input.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const hits = await queries.countHit(db, { bucket: input.bucket, windowStart });
  // Old windows are cleared now and then by whoever is counting, not by a scheduler.
  if (Date.now() - lastCleanup > CLEANUP_EVERY_MS) {
    lastCleanup = Date.now();
    await queries.deleteWindowsBefore(db, { before: new Date(now.getTime() - 86_400_000) });
  }
  if (hits > input.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError('TOO_MANY_REQUESTS', `Too many requests from here. Try again in ${retryAfterSeconds} seconds.`, {
      details: { retryAfterSeconds },
    });
  }
}
