// `npm run migrate`: migrates the configured database to the latest migration and exits,
// non-zero on failure. The server also migrates at start; this is for deploy pipelines.
import { getDbConfig } from '@/server/db';
import { createDb } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';

async function main() {
  const handle = await createDb(getDbConfig());
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
