// Runs once per integration project: migrates one database that every test file then copies, so
// no file runs the migrations itself. On PGlite: one in-memory database saved as a tarball, each
// file loads a copy (~0.5 s instead of 2-5 s of migrations). On PostgreSQL: a template database
// next to TEST_DATABASE_URL's, each file gets `create database ... template` of it (~0.1 s instead
// of ~3 s of migrations into a schema of its own); all are dropped at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateDatabase: string;
  }
}

/** TEST_DATABASE_URL with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(query: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(query);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DB_KIND === 'postgres' || project.config.env?.TEST_DB_KIND === 'postgres') {
    // The extension in TEST_DATABASE_URL's own database too, for tests that make a schema there.
    await adminQuery('create extension if not exists pg_trgm with schema public');
    const base = new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1);
    // Unique per run, so two runs on the same database never drop each other's copies.
    const template = `${base}_tpl_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${template}`);
    const handle = await createDb({ kind: 'postgres', url: databaseUrl(template), poolSize: 1 });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    project.provide('postgresTemplateDatabase', template);
    return async () => {
      // Copies a file left behind (a test that never closed its database), then the template.
      const { rows } = await adminQuery(`select datname from pg_database where datname like '${template}\\_%'`);
      for (const { datname } of rows as { datname: string }[]) await adminQuery(`drop database if exists ${datname} with (force)`);
      await adminQuery(`drop database if exists ${template} with (force)`);
    };
  }
  const handle = await createDb({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplatePath', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
