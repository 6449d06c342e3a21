// What the server does once when it starts: check the environment and the DORA bands file,
// migrate the database (a bad variable, file or migration stops start-up instead of failing the
// first request), mark failed the imports a killed server left running, fill the ticket search
// vectors an import left to fill, then start the webhook and request-email workers.
import { getDbHandle } from './db';
import { getEnv } from './env';
import { failAbandonedBatches } from './imports/service-batches';
import { getDoraBands } from './metrics/service-bands';
import { startTicketSearchFill } from './tickets/service-search-vectors';
import { startEmailWorker } from './request-emails/service';
import { startupMark } from './startup-times';
import { startWebhookWorker } from './webhooks/service';

export async function startServerOrExit(): Promise<void> {
  try {
    const env = getEnv();
    getDoraBands();
    startupMark('environment checked');
    const handle = await getDbHandle();
    startupMark('database open');
    const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.FRICTIONLOG_DATA_DIR}`;
    console.log(`Frictionlog: database ready on ${where}`);
    const abandoned = await failAbandonedBatches(handle.db);
    if (abandoned > 0) console.log(`Frictionlog: marked ${abandoned} import${abandoned === 1 ? '' : 's'} failed that a stopped server left running`);
    startTicketSearchFill(handle.db);
    startWebhookWorker(async () => handle.db);
    startEmailWorker(async () => handle.db);
    startupMark('start-up work done');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
