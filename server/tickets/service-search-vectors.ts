// Ticket search vectors are written after an import commits, not inside it (migration 0950): an
// import marks its batch in ticket_search_pending, and this inserts the missing rows of
// ticket_search for the pending batches in short transactions of a few thousand tickets each, after
// every completed ticket import and once at start-up (a server stopped between an import and its
// fill). Nothing rewrites a ticket row. Until then search computes the vector of such a ticket
// itself (server/search/queries.ts), so a ticket is found from the moment its import commits.
import type { Db } from '@/server/db';
import * as queries from './queries';

/** Tickets per statement: each is its own short transaction, so no import waits for long. */
export const FILL_BATCH_ROWS = 2000;

/** Writes every missing ticket search vector of the pending batches; returns how many it wrote. */
export async function fillTicketSearchVectors(db: Db, batchRows = FILL_BATCH_ROWS): Promise<number> {
  const batchIds = await queries.listSearchPendingBatches(db);
  const ids = await queries.findTicketsWithoutSearch(db, { batchIds });
  let total = 0;
  for (let start = 0; start < ids.length; start += batchRows) {
    const chunk = ids.slice(start, start + batchRows);
    total += await db.transaction().execute(async (trx) => {
      await queries.lockForSearchFill(trx);
      return queries.writeSearchVectors(trx, { ids: chunk });
    });
  }
  // An import that commits meanwhile has its own pending row, read by the next fill.
  await queries.deleteSearchPending(db, { batchIds });
  return total;
}

let running: Promise<void> | null = null;
let isAgain = false;

/**
 * Starts filling in the background (after an import has answered): one fill at a time, run again
 * when asked while one runs. A failure is logged; the next import or start-up fills what is left.
 */
export function startTicketSearchFill(db: Db): void {
  if (running) {
    isAgain = true;
    return;
  }
  running = (async () => {
    do {
      isAgain = false;
      try {
        await fillTicketSearchVectors(db);
      } catch (error) {
        console.error('Frictionlog: filling ticket search vectors failed; the next import or start-up fills them', error);
        isAgain = false;
      }
    } while (isAgain);
    running = null;
  })();
}
