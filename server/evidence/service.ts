// Evidence: a quote or data point that shows friction, taken from a source (interview, friction
// event, ticket, …), with its time cost, tagged into pain themes. Every channel feeds the pain
// inventory through createEvidence().
import type { EvidenceKind, EvidenceMinutesOrigin, EvidenceSourceKind } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { resolveThemeIds } from '@/server/themes/service';
import * as themeQueries from '@/server/themes/queries';
import * as queries from './queries';
import { isExcerptInSource, resolveEvidenceCost, SOURCE_LABELS, type EvidenceCost, type EvidenceCostInput } from './rules';
import { evidenceSources } from './service-sources';

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

async function toRow(db: Db, input: NewEvidence, createdBy: string | null): Promise<queries.NewEvidenceRow> {
  const cost = checkEvidenceCost(input);
  const source = await evidenceSources[input.sourceKind](db, { sourceId: input.sourceId, anchor: input.anchor ?? null });
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

async function themeIdsFor(db: Db, input: Pick<NewEvidence, 'themeIds' | 'newThemeTitle'>, createdBy: string | null) {
  const ids = await resolveThemeIds(db, { ids: input.themeIds ?? [] });
  if (input.newThemeTitle) ids.push((await themeQueries.insertTheme(db, { title: input.newThemeTitle, description: '', createdBy })).id);
  return ids;
}

/** Saves evidence items (one, or a whole cluster) and their tags in one transaction. */
export async function createEvidenceItems(
  db: Db,
  input: { items: NewEvidence[]; themeIds?: string[]; newThemeTitle?: string | null; createdBy: string | null },
): Promise<{ ids: string[]; themeIds: string[] }> {
  return db.transaction().execute(async (trx) => {
    const rows = [];
    for (const item of input.items) rows.push(await toRow(trx, item, input.createdBy));
    const ids = await queries.insertEvidence(trx, { rows });
    const themeIds = await themeIdsFor(trx, input, input.createdBy);
    await queries.insertTags(trx, { pairs: ids.flatMap((evidenceId) => themeIds.map((themeId) => ({ evidence_id: evidenceId, theme_id: themeId }))) });
    return { ids, themeIds };
  });
}

export async function createEvidence(db: Db, input: NewEvidence & { createdBy: string | null }) {
  const { themeIds, newThemeTitle, createdBy, ...item } = input;
  const result = await createEvidenceItems(db, { items: [item], themeIds, newThemeTitle, createdBy });
  return { id: result.ids[0], themeIds: result.themeIds };
}

/**
 * Tags evidence into themes (and into a new theme when a statement is given); already-tagged
 * pairs stay as they are. Refuses evidence that is gone, writing nothing.
 */
export async function tagEvidence(
  db: Db,
  input: { evidenceIds: string[]; themeIds: string[]; newThemeTitle?: string | null; createdBy?: string | null },
) {
  if (input.themeIds.length === 0 && !input.newThemeTitle) {
    throw new AppError('BAD_REQUEST', 'Choose at least one theme, or write the statement of a new one.', { field: 'themeIds' });
  }
  return db.transaction().execute(async (trx) => {
    const evidenceIds = [...new Set(input.evidenceIds)];
    const existing = new Set(await queries.findExistingEvidenceIds(trx, { ids: evidenceIds }));
    const missing = evidenceIds.filter((id) => !existing.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `${missing.length} of the selected evidence items no longer exist. Reload and select again.`, {
        field: 'evidenceIds',
        details: { missing },
      });
    }
    const themeIds = await themeIdsFor(trx, input, input.createdBy ?? null);
    const added = await queries.insertTags(trx, {
      pairs: evidenceIds.flatMap((evidenceId) => themeIds.map((themeId) => ({ evidence_id: evidenceId, theme_id: themeId }))),
    });
    return { added };
  });
}

/** Removes a tag; returns it (with when it was made) so that an undo can restore it, or null if there was none. */
export async function untagEvidence(db: Db, input: { evidenceId: string; themeId: string }) {
  return { removed: (await queries.deleteTag(db, input)) ?? null };
}

export async function deleteEvidence(db: Db, input: { id: string }) {
  if (!(await queries.deleteEvidence(db, input))) throw new AppError('NOT_FOUND', 'This evidence no longer exists.');
}
