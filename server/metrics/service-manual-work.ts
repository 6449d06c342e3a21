// Which ticket categories are requests for manual work (an access grant, a database by hand…):
// the PM marks them on the Tickets page, and their tickets count against the self-service ratio.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as queries from './queries';

export function listManualWorkCategories(db: Db) {
  return queries.listManualWorkCategories(db);
}

export async function setManualWork(db: Db, input: { category: string; isManualWork: boolean; userId: string | null }) {
  if (!input.isManualWork) {
    await queries.unmarkManualWork(db, input);
    return;
  }
  if (!(await queries.hasTicketCategory(db, input))) {
    throw new AppError('BAD_REQUEST', `No ticket has the category "${input.category}". Choose one of the categories listed.`, { field: 'category' });
  }
  await queries.markManualWork(db, input);
}
