// Database failures a person can act on: a query stopped by the statement timeout, or a connection
// the database ended. They become a clear 503 instead of a 500 or the database's own text.
import { AppError } from './errors';

// PostgreSQL's SQLSTATE codes: query_canceled (the statement timeout), and the backend ended by
// an administrator, a crash or a shutdown.
const QUERY_CANCELED = '57014';
const CONNECTION_ENDED = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);

export const QUERY_TIMEOUT_MESSAGE =
  'This took longer than the time limit for one database query and was stopped. Narrow it down (fewer filters, a shorter period) or try again in a moment.';
export const CONNECTION_ENDED_MESSAGE = 'The connection to the database was interrupted. Try again in a moment.';

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The AppError for a timed-out query or an ended connection; null for any other error. */
export function databaseProblemOf(error: unknown): AppError | null {
  if (!(error instanceof Error)) return null;
  const code = codeOf(error);
  if (code === QUERY_CANCELED) return new AppError('SERVICE_UNAVAILABLE', QUERY_TIMEOUT_MESSAGE, { details: { reason: 'query-timeout' } });
  // pg reports a connection closed under it without a SQLSTATE.
  if ((code && CONNECTION_ENDED.has(code)) || /^Connection terminated/.test(error.message)) {
    return new AppError('SERVICE_UNAVAILABLE', CONNECTION_ENDED_MESSAGE, { details: { reason: 'connection-ended' } });
  }
  return null;
}
