// `npm run demo` loads the demo workspace into the configured database (DATABASE_URL, or the
// PGlite folder); `npm run demo -- --remove` removes exactly what it created. With PGlite, stop
// the app first: one folder serves one process.
import { createDb } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import { getDbConfig } from '@/server/db';
import * as queries from '@/server/demo/queries';
import { loadDemo, removeDemo } from '@/server/demo/service';
import { AppError } from '@/server/errors';

async function main() {
  const isRemove = process.argv.includes('--remove');
  const handle = await createDb(getDbConfig());
  try {
    await migrateToLatest(handle.db);
    if (isRemove) {
      const removed = await removeDemo(handle.db);
      console.log(
        `Demo removed: ${removed.interviews} interviews, ${removed.shadowingSessions} shadowing sessions, ${removed.evidence} evidence items, ` +
          `${removed.themes} themes, ${removed.developers} developers, ${removed.teams} teams.`,
      );
      if (removed.keptThemes || removed.keptDevelopers) {
        console.log(`Kept ${removed.keptThemes} themes and ${removed.keptDevelopers} developers that your own records refer to.`);
      }
    } else {
      const status = await loadDemo(handle.db, { createdBy: await queries.findFirstAdminId(handle.db) });
      console.log(
        `Demo loaded: ${status.developers} developers, ${status.interviews} interviews, ${status.shadowingSessions} shadowing sessions, ` +
          `${status.evidence} evidence items in ${status.themes} pain themes. Remove it with: npm run demo -- --remove`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError || error instanceof Error ? error.message : error);
  process.exit(1);
});
