// The server opens the database in the background at start (server/startup.ts): a request's getDb
// waits until the start-up work (migrations, abandoned imports, workers) is done, and does not
// wait forever once that work failed (the process is stopped then).
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, holdRequestsUntil } from '@/server/db';

const globalForDb = globalThis as unknown as { frictionlogDb?: Promise<unknown>; frictionlogStartup?: Promise<unknown> };
const fakeDb = { name: 'the database' };

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let tick = 0; tick < 20; tick++) await Promise.resolve();
  return settled;
};

afterEach(() => {
  globalForDb.frictionlogDb = undefined;
  globalForDb.frictionlogStartup = undefined;
});

describe('getDb during the background start-up', () => {
  it('waits for the start-up work, then gives the database', async () => {
    globalForDb.frictionlogDb = Promise.resolve({ db: fakeDb, kind: 'pglite', close: async () => undefined });
    const work = deferred();
    holdRequestsUntil(work.promise);
    const asked = getDb();
    expect(await settledSoon(asked)).toBe(false);
    work.resolve();
    expect(await asked).toBe(fakeDb);
  });

  it('does not hang a request on a start-up that failed', async () => {
    globalForDb.frictionlogDb = Promise.resolve({ db: fakeDb, kind: 'pglite', close: async () => undefined });
    const work = deferred();
    holdRequestsUntil(work.promise);
    work.reject(new Error('migration failed'));
    expect(await getDb()).toBe(fakeDb);
  });

  it('gives the database at once when no start-up is running (scripts, tests)', async () => {
    globalForDb.frictionlogDb = Promise.resolve({ db: fakeDb, kind: 'pglite', close: async () => undefined });
    expect(await settledSoon(getDb())).toBe(true);
  });
});
