// Cold start of the embedded database. A brand-new PGlite folder is a plain file copy of a migrated
// template folder (closed cleanly, so it opens without crash recovery) instead of running initdb and
// every migration, or unpacking a tarball in memory; the template is made once per set of
// migrations (by `npm run build`, or by the first start of a new folder without one) and kept in
// node_modules/.cache/frictionlog/. An existing folder already at the latest migration skips the
// migrator altogether.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createDb, type DbHandle } from './create-db';
import { migrateToLatest } from './migrator';
import { migrations } from './migrations';
import { LOCK_FILE_NAME } from './pglite-lock';
import type { Database } from './types';

const migrationNames = Object.keys(migrations).sort();
export const LATEST_MIGRATION = migrationNames[migrationNames.length - 1];

/** The file whose presence makes a folder a database: copied last, so a half-made copy is still "new". */
const PG_VERSION = 'PG_VERSION';

/** Names the template after the migrations it holds and the PGlite build that wrote it. */
function templateKey(): string {
  let pgliteVersion = 'unknown';
  try {
    const manifest = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
    pgliteVersion = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    // No manifest where expected: the migrations alone name the template.
  }
  return createHash('sha256').update(`${pgliteVersion}\n${migrationNames.join('\n')}`).digest('hex').slice(0, 16);
}

/** Where the template folder of the current migrations is kept. */
export function templatePath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '.cache', 'frictionlog', `pglite-${templateKey()}`);
}

/** A folder without PG_VERSION has never held a database (it may hold the lock file, or half a copy). */
export function isNewPgliteFolder(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, PG_VERSION));
}

/**
 * Fills a new data folder from the template: every file but PG_VERSION, then PG_VERSION, so a copy
 * cut short is copied again by the next start. Copy-on-write clones where the file system has them.
 */
export function copyTemplate(templateDir: string, dataDir: string): void {
  const options = { recursive: true, force: true, mode: fs.constants.COPYFILE_FICLONE };
  const skipped = new Set([path.join(templateDir, PG_VERSION), path.join(templateDir, LOCK_FILE_NAME)]);
  fs.cpSync(templateDir, dataDir, { ...options, filter: (source) => !skipped.has(source) });
  fs.cpSync(path.join(templateDir, PG_VERSION), path.join(dataDir, PG_VERSION), options);
}

/**
 * Makes the template folder of the current migrations unless it exists; returns its path. Migrated
 * in a temporary folder, closed (a clean shutdown) and renamed, so a reader never sees half a
 * template; when another process renamed its own first, that one is kept.
 */
export async function ensureTemplate(dir = templatePath()): Promise<string> {
  if (!isNewPgliteFolder(dir)) return dir;
  const temporary = `${dir}.${process.pid}.tmp`;
  fs.rmSync(temporary, { recursive: true, force: true });
  try {
    const handle = await createDb({ kind: 'pglite', dataDir: temporary });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(temporary, dir);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    if (isNewPgliteFolder(dir)) throw error;
  }
  return dir;
}

/** Whether the database has run exactly the migrations this build knows (then the migrator is skipped). */
export async function isAtLatestMigration(db: Kysely<Database>): Promise<boolean> {
  try {
    const result = await sql<{ name: string | null; count: number }>`select max(name) as name, count(*)::int as count from kysely_migration`.execute(db);
    const row = result.rows[0];
    return row.name === LATEST_MIGRATION && Number(row.count) === migrationNames.length;
  } catch {
    // No migration table yet.
    return false;
  }
}

/**
 * Opens a PGlite folder: a new folder is copied from the template (made first when there is none);
 * a folder at the latest migration skips the migrator; an older one is migrated forward. Without a
 * folder, an in-memory database is migrated.
 */
export async function openPgliteFolder(input: { dataDir?: string; templateDir?: string; onStep?: (step: string) => void }): Promise<DbHandle> {
  const step = input.onStep ?? (() => undefined);
  let templateDir: string | undefined;
  if (input.dataDir !== undefined && isNewPgliteFolder(input.dataDir)) {
    const made = isNewPgliteFolder(input.templateDir ?? templatePath());
    templateDir = await ensureTemplate(input.templateDir ?? templatePath());
    step(`new PGlite folder, template ${made ? 'made' : 'found'}`);
  } else {
    step('existing PGlite folder');
  }
  // Checked again under the folder's lock: another process may have filled it meanwhile.
  const fill = (dataDir: string) => {
    if (templateDir && isNewPgliteFolder(dataDir)) copyTemplate(templateDir, dataDir);
  };
  const handle = await createDb({ kind: 'pglite', dataDir: input.dataDir, onLocked: fill });
  step('PGlite created');
  try {
    if (!(await isAtLatestMigration(handle.db))) await migrateToLatest(handle.db);
    step('migrations checked');
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
