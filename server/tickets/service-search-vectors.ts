// Ticket search vectors are filled after an import commits, not inside it (migration 0920): an
// import leaves tickets.search_vector null, and this fills the nulls in short transactions of a few
// thousand rows each, after every completed ticket import and once at start-up (a server stopped
// between an import and its fill). Until then search computes the vector of such a ticket itself
// (server/search/queries.ts), so a ticket is found from the moment its import commits.
import type { Db } from '@/server/db';
import * as queries from './queries';

/** Rows per statement: each is its own short transaction, so no row stays locked for long. */
export const FILL_BATCH_ROWS = 2000;

/** Fills every null ticket search vector; returns how many it filled. */
export async function fillTicketSearchVectors(db: Db, batchRows = FILL_BATCH_ROWS): Promise<number> {
  let total = 0;
  for (;;) {
    const filled = await queries.fillSearchVectors(db, { limit: batchRows });
    total += filled;
    if (filled < batchRows) return total;
  }
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
