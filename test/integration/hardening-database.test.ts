// Issue 15 on both databases: an import a dead process left "running" is marked failed at start-up
// (failure 10), never one whose process still runs it; on PostgreSQL a query past the statement
// timeout answers a clear 503 while other queries go on (failure 11).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '@/db/create-db';
import { QUERY_TIMEOUT_MESSAGE } from '@/server/database-errors';
import { ABANDONED_IMPORT_MESSAGE, failAbandonedBatches, runBatch, type BatchMeta } from '@/server/imports/service-batches';
import * as importQueries from '@/server/imports/queries';
import { createCaller } from '@/server/root';
import { createContextInner } from '@/server/trpc';
import { createUser } from '@/test/helpers/callers';
import { dbKind, type TestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: TestDb;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));
beforeEach(async () => {
  await sql`delete from import_batches`.execute(handle.db);
});

const meta: BatchMeta = {
  kind: 'tickets',
  format: 'jira',
  source: 'jira',
  fileName: 'export.csv',
  fileBytes: 10,
  isSkipBadRows: false,
  via: 'api',
  mapping: null,
  createdBy: null,
};

const statusOf = async (id: string) =>
  (await handle.db.selectFrom('import_batches').select(['status', 'error', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow());

describe('imports a stopped server left running', () => {
  it('are marked failed at start-up with a message; finished ones are left alone', async () => {
    const abandoned = await importQueries.insertBatch(handle.db, meta);
    const finished = await runBatch(handle.db, meta, async () => undefined);
    expect(await failAbandonedBatches(handle.db)).toBe(1);
    expect(await statusOf(abandoned.id)).toMatchObject({ status: 'failed', error: ABANDONED_IMPORT_MESSAGE });
    expect((await statusOf(abandoned.id)).finished_at).not.toBeNull();
    expect(await statusOf(finished.batchId)).toMatchObject({ status: 'completed', error: null });
    expect(await failAbandonedBatches(handle.db)).toBe(0);
  });

  it.runIf(dbKind === 'postgres')('are not touched while another process still runs them', async () => {
    let release!: () => void;
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = runBatch(handle.db, meta, async () => {
      started();
      await gate;
    });
    await isStarted;
    // Another process starting now sees the batch's lock held by a live transaction.
    expect(await failAbandonedBatches(handle.db)).toBe(0);
    const [batch] = await handle.db.selectFrom('import_batches').select(['id', 'status']).execute();
    expect(batch.status).toBe('running');
    release();
    expect((await running).status).toBe('completed');
    expect((await statusOf(batch.id)).status).toBe('completed');
  });
});

describe.runIf(dbKind === 'postgres')('the statement timeout', () => {
  let bounded: DbHandle;
  beforeAll(async () => {
    bounded = await createDb({ kind: 'postgres', url: handle.url!, statementTimeoutMs: 300 });
  });
  afterAll(async () => bounded.close());

  it('stops a query that waits past it and answers 503 with a clear message; other queries still run', async () => {
    const user = await createUser(handle, 'editor');
    const caller = createCaller(createContextInner({ db: bounded.db, user }));
    // Another connection holds the themes table, so the procedure's query waits on it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = handle.db.transaction().execute(async (trx) => {
      await sql`lock table themes in access exclusive mode`.execute(trx);
      locked();
      await gate;
    });
    await isLocked;
    const started = Date.now();
    const error = await rejection(caller.themes.list({}));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: QUERY_TIMEOUT_MESSAGE });
    // The same pool answers the next request that does not need the table.
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(bounded.db);
    expect(rows[0].one).toBe(1);
    release();
    await holder;
    await expect(caller.themes.list({})).resolves.toBeDefined();
  });
});

describe.runIf(dbKind === 'postgres')('an idle connection the server ends', () => {
  it('does not crash the process; the next query opens a new connection', async () => {
    const own = await createDb({ kind: 'postgres', url: handle.url!, poolSize: 2 });
    try {
      const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(own.db)).rows[0];
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await sql`select pg_terminate_backend(${pid})`.execute(handle.db);
      // The idle connection receives the server's termination (unhandled, it would fail this file).
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining('an idle database connection was closed by the server')));
      logged.mockRestore();
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(own.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await own.close();
    }
  });
});
