// The app's one database handle: created from the environment on first use, migrated to the
// latest migration before anything else runs, and shared by every request of this process. The
// server opens it in the background at start (server/startup.ts); getDb waits for that start-up.
import { createDb, type DbConfig, type DbHandle } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import { openPgliteFolder } from '@/db/pglite-template';
import type { Database } from '@/db/types';
import type { Kysely } from 'kysely';
import { getEnv } from './env';
import { startupMark } from './startup-times';

export type Db = Kysely<Database>;

export function getDbConfig(): DbConfig {
  const env = getEnv();
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, statementTimeoutMs: env.STATEMENT_TIMEOUT_MS }
    : { kind: 'pglite', dataDir: env.FRICTIONLOG_DATA_DIR };
}

// Kept on globalThis so that Next.js dev reloads reuse the one PGlite instance (two instances on
// one data folder would corrupt it).
const globalForDb = globalThis as unknown as { frictionlogDb?: Promise<DbHandle>; frictionlogStartup?: Promise<unknown> };

/** Requests get the database only once this start-up work is done (its failure stops the process). */
export function holdRequestsUntil(work: Promise<unknown>): void {
  globalForDb.frictionlogStartup = work.catch(() => undefined);
}

export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.frictionlogDb) {
    const starting = (async () => {
      const config = getDbConfig();
      // Migrations are not bound by the requests' statement timeout (an index on a large table may
      // take longer); on PostgreSQL they run on their own connection before the pool serves.
      if (config.kind === 'postgres') {
        const migrator = await createDb({ ...config, statementTimeoutMs: undefined, poolSize: 1 });
        try {
          await migrateToLatest(migrator.db);
        } finally {
          await migrator.close();
        }
        return createDb(config);
      }
      return openPgliteFolder({ dataDir: config.dataDir, onStep: startupMark });
    })();
    globalForDb.frictionlogDb = starting;
    // A failed start is not cached: the next request tries again.
    starting.catch(() => {
      if (globalForDb.frictionlogDb === starting) globalForDb.frictionlogDb = undefined;
    });
  }
  return globalForDb.frictionlogDb;
}

export async function getDb(): Promise<Db> {
  const handle = await getDbHandle();
  await globalForDb.frictionlogStartup;
  return handle.db;
}
