// db/types.ts is written by hand (it carries domain unions such as Role and the never-updated
// created_at); this test keeps it true: it migrates a database, reads the schema through Kysely's
// own introspection and compares every table and column with the types the TypeScript checker sees.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { compareSchemaWithTypes, readTableTypes, type SchemaTable, type TableTypes } from '@/test/helpers/db-types';
import { createTestDb, dbKind } from '@/test/helpers/db';

let handle: DbHandle;
let schema: SchemaTable[];
let types: TableTypes;

beforeAll(async () => {
  handle = await createTestDb();
  types = readTableTypes(path.resolve(__dirname, '../../db/types.ts'));
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  const tables = await handle.db.introspection.getTables();
  schema = tables
    .filter((table) => table.schema === rows[0].schema && !table.name.startsWith('kysely_migration'))
    .map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => ({
        name: column.name,
        dataType: column.dataType,
        isNullable: column.isNullable,
        hasDefault: column.hasDefaultValue || column.isAutoIncrementing,
      })),
    }));
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe(`db/types.ts against the migrated schema (${dbKind})`, () => {
  it('names every table and column the migrations create, with matching types, nullability and defaults', () => {
    expect(schema.length).toBeGreaterThan(50);
    expect(compareSchemaWithTypes(schema, types)).toEqual([]);
  });

  it('reports a column whose type is wrong, a missing column and a missing table', () => {
    const users = schema.find((table) => table.name === 'users')!;
    const altered: SchemaTable[] = [
      ...schema.filter((table) => table.name !== 'users'),
      {
        name: 'users',
        columns: [
          ...users.columns.map((column) => (column.name === 'name' ? { ...column, dataType: 'int4' } : column)),
          { name: 'nickname', dataType: 'text', isNullable: true, hasDefault: false },
        ],
      },
      { name: 'ghosts', columns: [{ name: 'id', dataType: 'uuid', isNullable: false, hasDefault: true }] },
    ];
    expect(compareSchemaWithTypes(altered, types)).toEqual([
      'users.name: the database has int4 (number), db/types.ts has string',
      'users.nickname: in the database, missing from db/types.ts',
      'ghosts: a table in the database, missing from the Database interface of db/types.ts',
    ]);
  });
});
