// The evidence loader of ratings: an excerpt comes from a rating's comment, unattributed (ratings
// are anonymous) and dated the day it was given.
import type { Db } from '@/server/db';
import type { EvidenceSource } from '@/server/evidence/evidence-source';
import * as queries from './queries';

/** Evidence loader for a rating's comment: unattributed, dated the day it was given. */
export async function loadRatingCommentSource(db: Db, input: { sourceId: string; anchor: string | null }): Promise<EvidenceSource | null> {
  const rating = await queries.findRatingComment(db, { id: input.sourceId });
  if (!rating?.comment) return null;
  return { text: rating.comment, path: `/ratings/${rating.key}#rating-${input.sourceId}`, participantId: null, observedOn: rating.rated_on };
}
