// The server's secret key: FRICTIONLOG_SECRET when set, otherwise one generated at first start
// and kept in the database (the first process to start writes it; every other process reads the
// same). Keyed hashes (email hashes of votes, rate-limit keys) and signed cookies use it, so a
// copy of the data alone cannot be matched against a directory or used to forge a cookie.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '@/server/db';
import { getEnv } from '@/server/env';
import * as queries from './queries';

// One key per database (tests open many databases in one process).
const keys = new WeakMap<Db, Promise<Buffer>>();

export function getServerKey(db: Db): Promise<Buffer> {
  const configured = getEnv().FRICTIONLOG_SECRET;
  if (configured) return Promise.resolve(Buffer.from(configured, 'utf8'));
  let key = keys.get(db);
  if (!key) {
    key = queries
      .insertOrGetSecret(db, { name: 'keys', value: randomBytes(48).toString('base64') })
      .then((value) => Buffer.from(value, 'base64'));
    // A failed read is tried again on the next call rather than cached.
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** HMAC-SHA256 of `text` for one purpose (the purpose keeps hashes of different kinds apart). */
export function keyedHash(key: Buffer, purpose: string, text: string): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${text}`).digest('hex');
}
