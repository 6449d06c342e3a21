// Evidence: a quote or data point that shows friction, taken from a source (interview, friction
// event, ticket, …), with its time cost, tagged into pain themes. This is the lower half every
// domain may use: an item checked against its source and turned into a row, removing a tag or an
// item. Saving with tags lives in server/themes/service-tagging.ts; the registry of every source's
// loader, createEvidence and the procedures in server/evidence-intake/ (it imports the loaders).
import type { EvidenceKind, EvidenceMinutesOrigin, EvidenceSourceKind } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import type { SourceLoader } from './evidence-source';
import * as queries from './queries';
import { isExcerptInSource, resolveEvidenceCost, SOURCE_LABELS, type EvidenceCost, type EvidenceCostInput } from './rules';

export interface NewEvidence {
  sourceKind: EvidenceSourceKind;
  sourceId: string;
  /** Where in the source (a question, a field, a comment); the source's loader interprets it. */
  anchor?: string | null;
  excerpt: string;
  /** undefined: the source's developer; null: unattributed. */
  participantId?: string | null;
  minutesLost?: number | null;
  occurrencesPerMonth?: number | null;
  severity?: number | null;
  /** Recurring estimate or single occurrence; by default from the source (see rules.ts). */
  kind?: EvidenceKind | null;
  /** Where minutesLost came from; 'entered' (typed by a person) when not given. */
  minutesOrigin?: EvidenceMinutesOrigin | null;
  themeIds?: string[];
  /** Creates a theme with this statement and tags the evidence into it. */
  newThemeTitle?: string | null;
}

/** The kind rules of rules.ts, as the domain error that names the field. */
export function checkEvidenceCost(input: EvidenceCostInput): EvidenceCost {
  const result = resolveEvidenceCost(input);
  if (!result.ok) throw new AppError('BAD_REQUEST', result.message, { field: result.field });
  return result.cost;
}

/** Checks an item against its source (read by the source kind's loader) and gives the row to insert. */
export async function toEvidenceRow(db: Db, input: NewEvidence, load: SourceLoader, createdBy: string | null): Promise<queries.NewEvidenceRow> {
  const cost = checkEvidenceCost(input);
  const source = await load(db, { sourceId: input.sourceId, anchor: input.anchor ?? null });
  if (!source) throw new AppError('NOT_FOUND', `This ${SOURCE_LABELS[input.sourceKind].toLowerCase()} no longer exists.`, { field: 'sourceId' });
  if (!isExcerptInSource(input.excerpt, source.text)) {
    throw new AppError('BAD_REQUEST', 'The excerpt must be words from the source; select them in the text.', { field: 'excerpt' });
  }
  return {
    source_kind: input.sourceKind,
    source_id: input.sourceId,
    source_path: source.path,
    excerpt: input.excerpt,
    participant_id: input.participantId === undefined ? source.participantId : input.participantId,
    minutes_lost: cost.minutesLost,
    occurrences_per_month: cost.occurrencesPerMonth,
    severity: cost.severity,
    kind: cost.kind,
    minutes_origin: cost.minutesOrigin,
    observed_on: source.observedOn,
    created_by: createdBy,
  };
}

/** Removes a tag; returns it (with when it was made) so that an undo can restore it, or null if there was none. */
export async function untagEvidence(db: Db, input: { evidenceId: string; themeId: string }) {
  return { removed: (await queries.deleteTag(db, input)) ?? null };
}

export async function deleteEvidence(db: Db, input: { id: string }) {
  if (!(await queries.deleteEvidence(db, input))) throw new AppError('NOT_FOUND', 'This evidence no longer exists.');
}
