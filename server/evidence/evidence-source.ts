// The contract between the evidence domain and every domain evidence can come from: what a
// source kind's loader returns. Types only, so a loader never imports the registry back.
import type { Db } from '@/server/db';

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

/** Finds the source row and the text at the given spot; null when there is no such source. */
export type SourceLoader = (db: Db, input: { sourceId: string; anchor: string | null }) => Promise<EvidenceSource | null>;
