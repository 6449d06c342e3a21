// What the server does once when it starts: check the environment and migrate the database, so
// a bad variable or a failed migration stops start-up instead of failing the first request.
import { getDbHandle } from './db';
import { getEnv } from './env';
import { getDoraBands } from './metrics/service-bands';

export async function startServerOrExit(): Promise<void> {
  try {
    const env = getEnv();
    getDoraBands();
    const handle = await getDbHandle();
    const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.FRICTIONLOG_DATA_DIR}`;
    console.log(`Frictionlog: database ready on ${where}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
