// The evidence loader of tickets: an excerpt comes from the ticket's title, body or comments,
// is attributed to its requester and dated by when the ticket was opened.
import type { SourceLoader } from '@/server/evidence/evidence-source';
import * as queries from './queries-read';

export const loadTicketSource: SourceLoader = async (db, input) => {
  const [row] = await queries.findTicketsForEvidence(db, { ids: [input.sourceId] });
  if (!row) return null;
  return {
    text: [row.title, row.body, ...row.comments].join('\n'),
    path: `/tickets/${row.id}`,
    participantId: row.participant_id,
    // A ticket exported without a creation date is dated by its resolution, else by today.
    observedOn: (row.opened_at ?? row.resolved_at ?? new Date()).toISOString().slice(0, 10),
  };
};
