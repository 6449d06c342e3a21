// Where evidence can come from. Each source kind registers a loader that finds the source row,
// the text an excerpt may be taken from at the given spot, and the link back to that spot.
import type { EvidenceSourceKind } from '@/db/types';
import type { Db } from '../db';
import { loadPostmortemSource } from '../postmortems/service-evidence-source';
import { loadTicketSource } from '../tickets/service-evidence-source';
import { loadRatingCommentSource } from '../ratings/service';
import { loadSurveyAnswerSource } from '../surveys/service';
import { loadRequestSource } from '../requests/service';
import { loadInterviewSource } from '../interviews/service-evidence';
import { loadShadowingSource } from '../shadowing/service-evidence';

export interface EvidenceSource {
  /** All the text an excerpt may be taken from at this spot. */
  text: string;
  /** App path to the exact spot, stored with the evidence, e.g. `/interviews/<id>#q-2`. */
  path: string;
  /** The developer the source belongs to, prefilled as the evidence's participant. */
  participantId: string | null;
  /** When the friction happened, 'YYYY-MM-DD': the ranking's date window uses it. */
  observedOn: string;
}

export type SourceLoader = (db: Db, input: { sourceId: string; anchor: string | null }) => Promise<EvidenceSource | null>;

/**
 * One loader per source kind. A domain that produces evidence adds its loader here
 * (interviews, shadowing sessions, tickets, post-mortems, surveys, ratings, requests).
 */
export const evidenceSources: Partial<Record<EvidenceSourceKind, SourceLoader>> = {
  ticket: loadTicketSource,
  postmortem: loadPostmortemSource,
  survey: loadSurveyAnswerSource,
  rating: loadRatingCommentSource,
  request: loadRequestSource,
  interview: loadInterviewSource,
  shadowing: loadShadowingSource,
};
