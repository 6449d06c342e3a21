// Test projects: unit (pure logic), integration on PGlite and, when TEST_DATABASE_URL is set, the
// same files again on PostgreSQL, and e2e (Chromium against a production build).
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(__dirname) };
const integration = (kind: 'pglite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name: `integration-${kind}`,
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup-db.ts'],
    env: { TEST_DB_KIND: kind },
    // Guards against a hang, not a speed check: two files side by side on a busy machine can
    // take three times their quiet time (the random-evidence inventory test took 44 s at load 30).
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Both cores (vitest's default is one fewer than the cores, so one file at a time here): each
    // file has a database of its own (a PGlite copy or a PostgreSQL database), so files share nothing.
    maxWorkers: 2,
    // Worker threads start and import faster than child processes: about a third less CPU per
    // file (measured on six files, README "Tests").
    pool: 'threads' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], pool: 'threads' } },
      integration('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : []),
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Two files at a time on two cores: each file starts its own server on its own database
          // (a fresh PGlite folder, or a PostgreSQL database of its own name).
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
