// The evidence loader of developers' requests: an excerpt comes from the title or the details and
// is attributed to the developer who asked.
import type { Db } from '@/server/db';
import type { EvidenceSource } from '@/server/evidence/evidence-source';
import * as queries from './queries';

/** The evidence loader for requests: the excerpt must come from the title or the details. */
export async function loadRequestSource(db: Db, input: { sourceId: string }): Promise<EvidenceSource | null> {
  const row = await queries.getRequestSource(db, { id: input.sourceId });
  if (!row) return null;
  return {
    text: `${row.title}\n\n${row.details}`,
    path: `/manage/requests?request=${row.id}`,
    participantId: row.participant_id,
    observedOn: row.created_on,
  };
}
