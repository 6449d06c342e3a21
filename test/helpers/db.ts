// A fresh, migrated database for one test file: a copy of the PGlite template, or on the
// PostgreSQL of TEST_DATABASE_URL a throwaway database copied from the migrated template (see
// global-setup-db.ts). Tests never mock the database.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/create-db';
import { adminQuery, databaseUrl } from './global-setup-db';

export const dbKind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';

/** A test file's database; on PostgreSQL, `url` is its connection URL (for a second pool). */
export type TestDb = DbHandle & { url?: string };

export async function createTestDb(): Promise<TestDb> {
  if (dbKind === 'pglite') {
    const template = fs.readFileSync(inject('pgliteTemplatePath'));
    return createDb({ kind: 'pglite', loadDataDir: new Blob([template]) });
  }
  const template = inject('postgresTemplateDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name} template ${template}`);
  const url = databaseUrl(name);
  const handle = await createDb({ kind: 'postgres', url, poolSize: 4 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database ${name} with (force)`);
    },
  };
}
