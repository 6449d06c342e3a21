// A fresh, migrated database for one test file: a copy of the PGlite template, or a throwaway
// schema on the PostgreSQL of TEST_DATABASE_URL. Tests never mock the database.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';

export const dbKind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';

export async function createTestDb(): Promise<DbHandle> {
  if (dbKind === 'pglite') {
    const template = fs.readFileSync(inject('pgliteTemplatePath'));
    return createDb({ kind: 'pglite', loadDataDir: new Blob([template]) });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await createDb({ kind: 'postgres', url, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = await createDb({ kind: 'postgres', url, searchPath: `${schema},public`, poolSize: 4 });
  await migrateToLatest(handle.db, { schema });
  return {
    ...handle,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
      await handle.close();
    },
  };
}
