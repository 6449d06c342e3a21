// Cold start of the embedded database (issue 19, item 3): a folder migrated forward from an older
// migration, the first new folder (which makes the template folder) and a new folder copied from
// that template all end with the same schema and migrations table as a database migrated from
// scratch; the template carries no folder lock and none of a folder's data; a copy cut short is
// copied again; a folder at the latest migration reopens as it was, without the migrator. PGlite
// only: PostgreSQL starts as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/db/create-db';
import { migrations } from '@/db/migrations';
import { LOCK_FILE_NAME } from '@/db/pglite-lock';
import { isAtLatestMigration, isNewPgliteFolder, LATEST_MIGRATION, openPgliteFolder } from '@/db/pglite-template';
import type { Database } from '@/db/types';
import { createTestDb, dbKind } from '@/test/helpers/db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-template-'));
const templateDir = path.join(dir, 'cache', 'template');
const open: DbHandle[] = [];
afterAll(async () => {
  for (const handle of open) await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Tables, columns, indexes, constraints, triggers, functions and extensions, as comparable text. */
async function schemaOf(db: Kysely<Database>) {
  const result = await sql<{ item: string }>`
    select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(column_default, '') || ' ' || is_nullable as item
      from information_schema.columns where table_schema = 'public'
    union all select 'index ' || indexdef from pg_indexes where schemaname = 'public'
    union all select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace
    union all select 'trigger ' || tgrelid::regclass::text || ' ' || tgname from pg_trigger where not tgisinternal
    union all select 'function ' || proname || ' ' || md5(prosrc) from pg_proc where pronamespace = 'public'::regnamespace
    union all select 'extension ' || extname from pg_extension
    order by 1`.execute(db);
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return { schema: result.rows.map((row) => row.item), migrations: applied.rows.map((row) => row.name) };
}

async function opened(handle: Promise<DbHandle>): Promise<DbHandle> {
  const value = await handle;
  open.push(value);
  return value;
}

async function closeOne(handle: DbHandle) {
  open.splice(open.indexOf(handle), 1);
  await handle.close();
}

describe.skipIf(dbKind !== 'pglite')('PGlite folders and the migrated template', () => {
  it('migrates forward an old folder, makes the template from a new one and starts the next new folder from it, all alike', { timeout: 1_200_000 }, async () => {
    const reference = await opened(createTestDb());
    const expected = await schemaOf(reference.db);
    expect(expected.migrations.at(-1)).toBe(LATEST_MIGRATION);

    // A folder left at an older migration (as an earlier release left it) is migrated forward.
    const names = Object.keys(migrations).sort();
    const older = path.join(dir, 'older');
    const old = await createDb({ kind: 'pglite', dataDir: older });
    const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(names[names.length - 4]);
    expect(error).toBeUndefined();
    expect(await isAtLatestMigration(old.db)).toBe(false);
    await old.close();
    const forward = await opened(openPgliteFolder({ dataDir: older, templateDir }));
    expect(await schemaOf(forward.db)).toEqual(expected);
    // An existing folder never becomes the template (it may hold data).
    expect(fs.existsSync(templateDir)).toBe(false);
    await closeOne(forward);

    // The first new folder makes the template (migrated from scratch, closed, no lock left in it)
    // and is copied from it.
    const steps: string[] = [];
    const first = await opened(openPgliteFolder({ dataDir: path.join(dir, 'first'), templateDir, onStep: (step) => steps.push(step) }));
    expect(steps[0]).toBe('new PGlite folder, template made');
    expect(await schemaOf(first.db)).toEqual(expected);
    expect(isNewPgliteFolder(templateDir)).toBe(false);
    expect(fs.existsSync(path.join(templateDir, LOCK_FILE_NAME))).toBe(false);
    expect(fs.readdirSync(path.dirname(templateDir))).toEqual(['template']);
    await first.db.insertInto('teams').values({ name: 'Kept team' }).execute();
    await closeOne(first);

    // The next new folder is copied from the template: same schema and migrations, its own lock,
    // none of the first folder's data. This one was cut short by a crash during an earlier copy
    // (files there, PG_VERSION not yet): it is still new and is copied again.
    const secondDir = path.join(dir, 'second');
    fs.mkdirSync(path.join(secondDir, 'base'), { recursive: true });
    fs.writeFileSync(path.join(secondDir, 'postgresql.conf'), 'half a copy');
    steps.length = 0;
    const second = await opened(openPgliteFolder({ dataDir: secondDir, templateDir, onStep: (step) => steps.push(step) }));
    expect(steps[0]).toBe('new PGlite folder, template found');
    expect(await schemaOf(second.db)).toEqual(expected);
    const lock = JSON.parse(fs.readFileSync(path.join(secondDir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    expect(await second.db.selectFrom('teams').select('name').execute()).toEqual([]);
    await closeOne(second);
    expect(fs.existsSync(path.join(secondDir, LOCK_FILE_NAME))).toBe(false);

    // An existing folder at the latest migration opens as it was (not copied over, the migrator
    // skipped), and the template is untouched by what the folders copied from it wrote.
    steps.length = 0;
    const again = await opened(openPgliteFolder({ dataDir: path.join(dir, 'first'), templateDir, onStep: (step) => steps.push(step) }));
    expect(steps[0]).toBe('existing PGlite folder');
    expect(await isAtLatestMigration(again.db)).toBe(true);
    expect(await again.db.selectFrom('teams').select('name').execute()).toEqual([{ name: 'Kept team' }]);
    await closeOne(again);
  });
});
