// The connection factory: a Kysely instance over PostgreSQL (pg) when a URL is given, otherwise
// over embedded PGlite persisted in a folder (or in memory). Same SQL both ways.
import fs from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { registerCopyTarget, trackPoolClients } from './copy-in';
import { lockDataFolder } from './pglite-lock';
import type { Database } from './types';

export type DbConfig =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      searchPath?: string;
      /** Bound on every statement of every connection, in milliseconds (PostgreSQL's statement_timeout); none when unset. */
      statementTimeoutMs?: number;
    }
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob | File;
      /** Runs once the folder's lock is held, before PGlite opens it (a new folder is filled from the template there). */
      onLocked?: (dataDir: string) => void;
    };

export interface DbHandle {
  db: Kysely<Database>;
  kind: DbConfig['kind'];
  /** Only set for PGlite: used by the test harness to snapshot a migrated database. */
  pglite?: PGlite;
  close: () => Promise<void>;
}

// Both drivers return the same JavaScript types: counts and sums as numbers (they stay far below
// 2^53 here), dates without a time as 'YYYY-MM-DD' strings (never shifted by the server's zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (value: string) => Number(value);
const keepText = (value: string) => value;

pg.types.setTypeParser(INT8, toNumber);
pg.types.setTypeParser(NUMERIC, toNumber);
pg.types.setTypeParser(DATE, keepText);

export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      options: config.searchPath ? `-c search_path=${config.searchPath}` : undefined,
      statement_timeout: config.statementTimeoutMs,
    });
    // An idle connection the server ends (a restart, pg_terminate_backend, a dropped database) is
    // reported here; without a listener Node would crash the process on it. The pool has already
    // discarded that connection and opens a new one for the next query.
    pool.on('error', (error) => console.error(`Frictionlog: an idle database connection was closed by the server (${error.message}); the next query opens a new one`));
    const clients = trackPoolClients(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerCopyTarget(db, { kind: 'postgres', clients });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  // PGlite cannot bound a statement: it runs in this thread and has no timer to cancel one.
  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  const unlock = config.dataDir ? lockDataFolder(config.dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    if (config.dataDir) config.onLocked?.(config.dataDir);
    pglite = await PGlite.create({
      dataDir: config.dataDir,
      loadDataDir: config.loadDataDir,
      extensions: { pg_trgm },
      parsers: {
        [pgliteTypes.INT8]: toNumber,
        [pgliteTypes.NUMERIC]: toNumber,
        [pgliteTypes.DATE]: keepText,
      },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  registerCopyTarget(db, { kind: 'pglite', pglite });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}
