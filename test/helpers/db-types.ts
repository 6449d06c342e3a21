// Reads db/types.ts through the TypeScript checker (what Kysely's Selectable and Insertable make of
// each table) and compares it with a migrated schema, one message per disagreement.
import path from 'node:path';
import ts from 'typescript';

export interface SchemaColumn {
  name: string;
  /** PostgreSQL's udt name: text, int4, timestamptz, _text (an array), jsonb, … */
  dataType: string;
  isNullable: boolean;
  hasDefault: boolean;
}

export interface SchemaTable {
  name: string;
  columns: SchemaColumn[];
}

type Kind = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'other';

interface ColumnType {
  kinds: Set<Kind>;
  isNullable: boolean;
  /** Insertable<T> makes the column optional: the database must fill it in (default or null). */
  isOptionalOnInsert: boolean;
  /** `unknown` (a jsonb read without a shape) absorbs null, so its nullability cannot be compared. */
  isUnknown: boolean;
  /** The type as written by the checker, for messages. */
  text: string;
}

export type TableTypes = Map<string, Map<string, ColumnType>>;

// What each PostgreSQL type reads as through db/create-db.ts (int8 and numeric are parsed to
// numbers, date is kept as text). json/jsonb hold anything.
const expectedKinds: Record<string, Kind[] | 'any'> = {
  text: ['string'],
  varchar: ['string'],
  bpchar: ['string'],
  uuid: ['string'],
  citext: ['string'],
  inet: ['string'],
  tsvector: ['string'],
  date: ['string'],
  int2: ['number'],
  int4: ['number'],
  int8: ['number'],
  float4: ['number'],
  float8: ['number'],
  numeric: ['number'],
  bool: ['boolean'],
  timestamptz: ['date'],
  timestamp: ['date'],
  bytea: ['other'],
  json: 'any',
  jsonb: 'any',
};

/** Not-null columns without a default that a trigger fills in on insert, so an insert may omit them. */
const filledByTrigger: Record<string, string> = {
  'evidence.kind': 'evidence_fill_kind (migration 0700)',
};

const virtualFile = '__db-types-check__.ts';

/** The select and insert shape of every table of `Database` in the given types file. */
export function readTableTypes(typesFile: string): TableTypes {
  const directory = path.dirname(typesFile);
  const virtualPath = path.join(directory, virtualFile);
  const typesModule = `./${path.basename(typesFile, '.ts')}`;
  const virtualSource = [
    "import type { Insertable, Selectable } from 'kysely';",
    `import type { Database } from '${typesModule}';`,
    'export type SelectShape = { [T in keyof Database]: Selectable<Database[T]> };',
    'export type InsertShape = { [T in keyof Database]: Insertable<Database[T]> };',
  ].join('\n');

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    // Only what the table types need: no DOM library, no @types packages (a quarter of the time).
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === virtualPath ? virtualSource : readFile(file));
  host.fileExists = (file) => file === virtualPath || fileExists(file);
  host.getSourceFile = (file, language, onError) =>
    file === virtualPath ? ts.createSourceFile(file, virtualSource, language) : getSourceFile(file, language, onError);

  const program = ts.createProgram([virtualPath], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    throw new Error(ts.formatDiagnostics(diagnostics, { ...host, getNewLine: () => '\n', getCanonicalFileName: (f) => f }));
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(virtualPath)!;
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
  const shape = (name: string) => checker.getDeclaredTypeOfSymbol(exported.find((symbol) => symbol.name === name)!);
  const selectShape = shape('SelectShape');
  const insertShape = shape('InsertShape');

  const tables: TableTypes = new Map();
  for (const table of checker.getPropertiesOfType(selectShape)) {
    const selectType = checker.getTypeOfSymbolAtLocation(table, source);
    const insertType = checker.getTypeOfSymbolAtLocation(checker.getPropertyOfType(insertShape, table.name)!, source);
    const columns = new Map<string, ColumnType>();
    for (const column of checker.getPropertiesOfType(selectType)) {
      const type = checker.getTypeOfSymbolAtLocation(column, source);
      const insertColumn = checker.getPropertyOfType(insertType, column.name);
      const parts = type.isUnion() ? type.types : [type];
      columns.set(column.name, {
        kinds: new Set(parts.filter((part) => !(part.flags & ts.TypeFlags.Null)).map((part) => kindOf(checker, part))),
        isNullable: parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0),
        isUnknown: (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0,
        isOptionalOnInsert: !insertColumn || (insertColumn.flags & ts.SymbolFlags.Optional) !== 0,
        text: checker.typeToString(type),
      });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function kindOf(checker: ts.TypeChecker, type: ts.Type): Kind {
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike) return 'number';
  if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (checker.isArrayType(type)) return 'array';
  if (type.getSymbol()?.name === 'Date') return 'date';
  return 'other';
}

/** Every way the schema and the types disagree; an empty list when they match. */
export function compareSchemaWithTypes(schema: SchemaTable[], types: TableTypes): string[] {
  const problems: string[] = [];
  for (const table of schema) {
    const columns = types.get(table.name);
    if (!columns) {
      problems.push(`${table.name}: a table in the database, missing from the Database interface of db/types.ts`);
      continue;
    }
    for (const column of table.columns) {
      const type = columns.get(column.name);
      const where = `${table.name}.${column.name}`;
      if (!type) {
        problems.push(`${where}: in the database, missing from db/types.ts`);
        continue;
      }
      const expected = column.dataType.startsWith('_') ? (['array'] as Kind[]) : expectedKinds[column.dataType];
      if (expected === undefined) {
        problems.push(`${where}: the database type ${column.dataType} is not known to this check (add it to expectedKinds)`);
      } else if (expected !== 'any' && [...type.kinds].some((kind) => !expected.includes(kind))) {
        problems.push(`${where}: the database has ${column.dataType} (${expected.join(' or ')}), db/types.ts has ${type.text}`);
      }
      if (column.isNullable !== type.isNullable && !type.isUnknown) {
        problems.push(
          column.isNullable
            ? `${where}: nullable in the database, db/types.ts has no null (${type.text})`
            : `${where}: not null in the database, db/types.ts allows null (${type.text})`,
        );
      }
      if (type.isOptionalOnInsert && !column.hasDefault && !column.isNullable && !(where in filledByTrigger)) {
        problems.push(`${where}: optional on insert in db/types.ts, but the database has no default`);
      }
    }
    const inDatabase = new Set(table.columns.map((column) => column.name));
    for (const name of columns.keys()) {
      if (!inDatabase.has(name)) problems.push(`${table.name}.${name}: in db/types.ts, not in the database`);
    }
  }
  const tablesInDatabase = new Set(schema.map((table) => table.name));
  for (const name of types.keys()) {
    if (!tablesInDatabase.has(name)) problems.push(`${name}: in the Database interface of db/types.ts, not in the database`);
  }
  return problems;
}
