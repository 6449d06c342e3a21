// What the server does once when it starts: check the environment and the DORA bands file (a bad
// variable or file stops start-up before anything is served), then, in the background, open and
// migrate the database, mark failed the imports a killed server left running, fill the ticket
// search vectors an import left to fill, and start the webhook and request-email workers. Next.js
// serves meanwhile: a request that needs the database waits for all of that (getDb), and a database
// that cannot open or migrate stops the process.
import { getDbHandle, holdRequestsUntil } from './db';
import { getEnv } from './env';
import { getDoraBands } from './metrics/service-bands';
import { startupMark } from './startup-times';

function exitOn(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

async function openDatabase(): Promise<void> {
  const env = getEnv();
  // Loaded while the database opens (PGlite's WebAssembly compiles off the main thread meanwhile).
  const [handle, { failAbandonedBatches }, { startTicketSearchFill }, { startEmailWorker }, { startWebhookWorker }] = await Promise.all([
    getDbHandle(),
    import('./imports/service-batches'),
    import('./tickets/service-search-vectors'),
    import('./request-emails/service'),
    import('./webhooks/service'),
  ]);
  startupMark('database open');
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.FRICTIONLOG_DATA_DIR}`;
  console.log(`Frictionlog: database ready on ${where}`);
  const abandoned = await failAbandonedBatches(handle.db);
  if (abandoned > 0) console.log(`Frictionlog: marked ${abandoned} import${abandoned === 1 ? '' : 's'} failed that a stopped server left running`);
  startTicketSearchFill(handle.db);
  startWebhookWorker(async () => handle.db);
  startEmailWorker(async () => handle.db);
  startupMark('start-up work done');
}

/** Checks what must be right before serving; returns the database's start-up, already running. */
export async function startServerOrExit(): Promise<void> {
  try {
    getEnv();
    getDoraBands();
    startupMark('environment checked');
  } catch (error) {
    exitOn(error);
  }
  const started = openDatabase();
  holdRequestsUntil(started);
  return started.catch(exitOn);
}
