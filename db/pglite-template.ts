// Cold start of the embedded database. A brand-new PGlite folder is filled from a migrated template
// (PGlite's dumpDataDir tarball, loaded with loadDataDir) instead of running initdb and every
// migration; the template is made once per set of migrations (by `npm run build`, or by the first
// start that has to migrate a new folder) and kept in node_modules/.cache/frictionlog/. An existing
// folder already at the latest migration skips the migrator altogether.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { createDb, type DbHandle } from './create-db';
import { migrateToLatest } from './migrator';
import { migrations } from './migrations';
import { LOCK_FILE_NAME } from './pglite-lock';
import type { Database } from './types';

const migrationNames = Object.keys(migrations).sort();
export const LATEST_MIGRATION = migrationNames[migrationNames.length - 1];

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

/** Where the template of the current migrations is kept. */
export function templatePath(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '.cache', 'frictionlog', `pglite-${templateKey()}.tar`);
}

/** A folder without PG_VERSION has never held a database (it may hold the lock file). */
export function isNewPgliteFolder(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** The template of the current migrations, or null when none was made yet. */
export function readTemplate(file = templatePath()): Blob | null {
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return null;
  }
}

/**
 * The tarball without one top-level file (ustar: a 512-byte header, then the data padded to 512).
 * A dump of a data folder holds the folder's lock file, which a new folder must not inherit.
 */
export function withoutTarEntry(tar: Uint8Array, name: string): Uint8Array {
  const kept: Uint8Array[] = [];
  const text = (from: number, length: number) => Buffer.from(tar.subarray(from, from + length)).toString('latin1').replace(/\0.*$/s, '');
  let position = 0;
  while (position + 512 <= tar.length) {
    if (tar.subarray(position, position + 512).every((byte) => byte === 0)) break;
    const prefix = text(position + 345, 155);
    const entry = (prefix ? `${prefix}/` : '') + text(position, 100);
    const size = parseInt(text(position + 124, 12).trim() || '0', 8);
    const length = 512 + Math.ceil(size / 512) * 512;
    if (entry.replace(/^\.?\//, '') !== name) kept.push(tar.subarray(position, position + length));
    position += length;
  }
  kept.push(new Uint8Array(1024));
  return Buffer.concat(kept);
}

/**
 * Saves a freshly migrated database (nothing but the migrations in it) as the template. Written
 * to a temporary name and renamed, so a reader never sees half a file; a failure to write only
 * means the next new folder migrates again.
 */
export async function saveTemplate(pglite: PGlite, file = templatePath()): Promise<void> {
  const dump = await pglite.dumpDataDir('none');
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, withoutTarEntry(new Uint8Array(await dump.arrayBuffer()), LOCK_FILE_NAME));
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    console.warn(`Frictionlog: the PGlite template could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
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
 * Opens a PGlite folder: a new folder starts from the template when there is one (and, when there
 * is none, becomes it once migrated); a folder at the latest migration skips the migrator; an
 * older one is migrated forward. Without a folder, an in-memory database is migrated.
 */
export async function openPgliteFolder(input: { dataDir?: string; templateFile?: string; onStep?: (step: string) => void }): Promise<DbHandle> {
  const step = input.onStep ?? (() => undefined);
  const templateFile = input.templateFile ?? templatePath();
  const isNew = input.dataDir !== undefined && isNewPgliteFolder(input.dataDir);
  const template = isNew ? readTemplate(templateFile) : null;
  step(isNew ? `new PGlite folder, template ${template ? 'read' : 'missing'}` : 'existing PGlite folder');
  const handle = await createDb({ kind: 'pglite', dataDir: input.dataDir, loadDataDir: template ?? undefined });
  step('PGlite created');
  try {
    if (!(await isAtLatestMigration(handle.db))) {
      await migrateToLatest(handle.db);
      // Nothing but the migrations is in it yet: the next new folder starts from this one.
      if (isNew && !template) await saveTemplate(handle.pglite!, templateFile);
    }
    step('migrations checked');
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Makes the template of the current migrations unless it exists; returns its path. */
export async function ensureTemplate(file = templatePath()): Promise<string> {
  if (fs.existsSync(file)) return file;
  const handle = await createDb({ kind: 'pglite' });
  try {
    await migrateToLatest(handle.db);
    await saveTemplate(handle.pglite!, file);
  } finally {
    await handle.close();
  }
  return file;
}
