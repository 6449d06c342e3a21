// Bulk loading with COPY on either engine, inside a Kysely transaction: PostgreSQL gets the rows as
// COPY ... FROM STDIN on the transaction's own connection (pg-copy-streams), PGlite as a blob read
// by COPY ... FROM '/dev/blob'. Rows go in COPY's text format, written by `copyFields`.
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './types';
import { from as copyFrom } from 'pg-copy-streams';

type CopyTarget = { kind: 'postgres'; clients: Set<pg.PoolClient> } | { kind: 'pglite'; pglite: PGlite };

// Keyed on the root Kysely instance of each handle (createDb registers it). Kept on globalThis:
// Next.js bundles this module into several server chunks, and the handle one chunk made is used
// by the others.
const globalForCopy = globalThis as unknown as { frictionlogCopyTargets?: WeakMap<object, CopyTarget> };
const targets = (globalForCopy.frictionlogCopyTargets ??= new WeakMap<object, CopyTarget>());

export function registerCopyTarget(db: Kysely<Database>, target: CopyTarget): void {
  targets.set(db, target);
}

/** A pool's clients, so the one serving a transaction can be found by its backend pid. */
export function trackPoolClients(pool: pg.Pool): Set<pg.PoolClient> {
  const clients = new Set<pg.PoolClient>();
  pool.on('connect', (client) => clients.add(client));
  pool.on('remove', (client) => clients.delete(client as pg.PoolClient));
  return clients;
}

// The rows: COPY text lines as bytes.
export type CopyIn = (statement: string, rows: Uint8Array<ArrayBuffer>) => Promise<void>;

/**
 * A function that runs `copy <table> (<columns>) from stdin` with the given text on the connection
 * of `trx` (a transaction of `db`), so the rows are part of that transaction.
 */
export async function openCopyIn(db: Kysely<Database>, trx: Kysely<Database>): Promise<CopyIn> {
  const target = targets.get(db);
  if (!target) throw new Error('COPY needs a database handle made by createDb.');
  if (target.kind === 'pglite') {
    const { pglite } = target;
    // PGlite has one session, which the transaction holds: a query of the instance runs inside it.
    return async (statement, rows) => {
      await pglite.query(`${statement} from '/dev/blob'`, [], { blob: new Blob([rows]) });
    };
  }
  const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0];
  const client = [...target.clients].find((candidate) => (candidate as unknown as { processID: number }).processID === pid);
  if (!client) throw new Error(`No pooled connection has backend pid ${pid}.`);
  return (statement, rows) =>
    new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom(`${statement} from stdin`));
      stream.on('error', reject);
      stream.on('finish', () => resolve());
      stream.end(rows);
    });
}

const ARRAY_SPECIAL = /["\\]/;
const ARRAY_SPECIAL_ALL = /["\\]/g;

/**
 * A text with COPY's four special characters escaped: one native replaceAll per character the
 * text holds, several times cheaper on long multi-line bodies than a regex with a callback.
 */
function escapeText(value: string): string {
  if (value.includes('\\')) value = value.replaceAll('\\', '\\\\');
  if (value.includes('\n')) value = value.replaceAll('\n', '\\n');
  if (value.includes('\r')) value = value.replaceAll('\r', '\\r');
  if (value.includes('\t')) value = value.replaceAll('\t', '\\t');
  return value;
}

function arrayLiteral(values: string[]): string {
  let text = '{';
  for (let index = 0; index < values.length; index += 1) {
    const item = values[index];
    if (index > 0) text += ',';
    text += `"${ARRAY_SPECIAL.test(item) ? item.replace(ARRAY_SPECIAL_ALL, '\\$&') : item}"`;
  }
  return `${text}}`;
}

/** One value of a COPY text row: null, a text, or a text[] (written as an array literal). */
export type CopyValue = string | null | string[];

/** Values in COPY's text format (tab-separated, \N for null): a row once its line break is added. */
export function copyFields(values: CopyValue[]): string {
  let line = '';
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (index > 0) line += '\t';
    if (value === null) line += '\\N';
    else if (typeof value === 'string') line += escapeText(value);
    else line += escapeText(arrayLiteral(value));
  }
  return line;
}
