// A child process for the data-folder lock tests: opens the PGlite folder given as its argument
// (migrated like the server does), writes one row when asked to, prints "ready" and holds the
// folder until SIGTERM, then closes it cleanly. A refused start prints the error and exits 1.
import { sql } from 'kysely';
import { createDb } from '@/db/create-db';

async function main() {
  const [dataDir, action] = process.argv.slice(2);
  let close: () => Promise<void> = async () => undefined;
  process.on('SIGTERM', () => {
    void close().then(() => process.exit(0));
  });
  const handle = await createDb({ kind: 'pglite', dataDir });
  close = () => handle.close();
  await sql`create table if not exists lock_probe (note text)`.execute(handle.db);
  if (action === 'write') await sql`insert into lock_probe values (${`written by ${process.pid}`})`.execute(handle.db);
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from lock_probe`.execute(handle.db);
  console.log(`ready rows=${rows[0].count}`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
