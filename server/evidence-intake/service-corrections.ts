// Correcting evidence after it was saved: its minutes, rate, kind, severity, developer and excerpt
// (the excerpt still checked against its source), each change kept in the item's history with
// who made it and when; and removing a tag so that the toast's Undo can put it back as it was.
// Every write moves the inventory's change log (migration 0620), so the cached ranking follows.
import type { EvidenceKind } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { resolveThemeIds } from '@/server/themes/service';
import { describeHistoryValue, evidenceChanges, type CorrectableEvidence } from '@/server/evidence/corrections';
import * as queries from '@/server/evidence/queries';
import { isExcerptInSource } from '@/server/evidence/rules';
import { checkEvidenceCost } from '@/server/evidence/service';
import { evidenceSources } from './service-sources';

const GONE = 'This evidence no longer exists. Reload the page.';

export interface EvidenceCorrection {
  id: string;
  excerpt: string;
  participantId: string | null;
  kind: EvidenceKind;
  minutesLost: number | null;
  /** Only for recurring items; a single item has none (null, or its stored 1). */
  occurrencesPerMonth: number | null;
  severity: number | null;
  changedBy: string | null;
}

/** The anchor an item was saved at, read back from its stored path (`/interviews/<id>#q-2`). */
const anchorOf = (sourcePath: string) => {
  const hash = sourcePath.indexOf('#');
  return hash === -1 ? null : sourcePath.slice(hash + 1);
};

/**
 * Applies a correction in one transaction: the time cost passes the kind rules of rules.ts (the
 * same as when saving), a changed excerpt must still be words of its source, a developer must
 * exist. Nothing is written when any check fails; an edit that changes nothing writes nothing.
 */
export async function correctEvidence(db: Db, input: EvidenceCorrection): Promise<{ id: string; changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const current = await queries.findEvidenceForCorrection(trx, { id: input.id });
    if (!current) throw new AppError('NOT_FOUND', GONE);
    const currentMinutes = current.minutes_lost === null ? null : Number(current.minutes_lost);
    const cost = checkEvidenceCost({
      sourceKind: current.source_kind,
      kind: input.kind,
      minutesLost: input.minutesLost,
      // A single item's stored 1 is no rate: only a recurring item's rate is checked as one.
      occurrencesPerMonth: input.kind === 'single' && input.occurrencesPerMonth === 1 ? null : input.occurrencesPerMonth,
      severity: input.severity,
      // Unchanged minutes keep where they came from (a category rule stays a rule); typed ones are 'entered'.
      minutesOrigin: input.minutesLost !== null && input.minutesLost === currentMinutes ? current.minutes_origin : 'entered',
    });

    const excerpt = input.excerpt.trim();
    if (excerpt !== current.excerpt) {
      const source = await evidenceSources[current.source_kind](trx, { sourceId: current.source_id, anchor: anchorOf(current.source_path) });
      if (!source) {
        throw new AppError('BAD_REQUEST', 'The source of this evidence no longer exists, so a new excerpt cannot be checked against it: keep the excerpt as it is.', {
          field: 'excerpt',
        });
      }
      if (!isExcerptInSource(excerpt, source.text)) {
        throw new AppError('BAD_REQUEST', 'The excerpt must be words from its source; open the source and copy them from there.', { field: 'excerpt' });
      }
    }
    if (input.participantId !== null && input.participantId !== current.participant_id) {
      if (!(await queries.participantExists(trx, { id: input.participantId }))) {
        throw new AppError('NOT_FOUND', 'This developer is no longer in the directory. Choose another.', { field: 'participantId' });
      }
    }

    const before: CorrectableEvidence = {
      minutes_lost: currentMinutes,
      occurrences_per_month: Number(current.occurrences_per_month),
      kind: current.kind,
      severity: current.severity,
      participant_id: current.participant_id,
      excerpt: current.excerpt,
    };
    const after: CorrectableEvidence = {
      minutes_lost: cost.minutesLost,
      occurrences_per_month: cost.occurrencesPerMonth,
      kind: cost.kind,
      severity: cost.severity,
      participant_id: input.participantId,
      excerpt,
    };
    const changes = evidenceChanges(before, after);
    if (changes.length === 0) return { id: current.id, changed: [] };
    await queries.updateCorrectedEvidence(trx, { id: current.id, values: { ...after, minutes_origin: cost.minutesOrigin } });
    await queries.insertHistory(trx, { evidenceId: current.id, changes, changedBy: input.changedBy });
    return { id: current.id, changed: changes.map((change) => change.field) };
  });
}

/** An item's corrections, newest first, each value written as people read it. */
export async function listEvidenceHistory(db: Db, input: { evidenceId: string }) {
  const rows = await queries.listHistory(db, { evidenceId: input.evidenceId });
  const ids = rows.filter((row) => row.field === 'participant_id').flatMap((row) => [row.oldValue, row.newValue]).filter((id): id is string => id !== null);
  const names = await queries.findParticipantNames(db, { ids: [...new Set(ids)] });
  return rows.map((row) => ({
    id: row.id,
    field: row.field,
    from: describeHistoryValue(row.field, row.oldValue, names),
    to: describeHistoryValue(row.field, row.newValue, names),
    changedAt: row.changedAt,
    changedBy: row.changedByName ?? 'a removed user',
  }));
}

/** Puts a removed tag back as it was; a theme merged meanwhile gets it through the theme it forwards to. */
export async function restoreTag(db: Db, input: { evidenceId: string; themeId: string; createdAt: Date }) {
  return db.transaction().execute(async (trx) => {
    if (!(await queries.findEvidenceForCorrection(trx, { id: input.evidenceId }))) throw new AppError('NOT_FOUND', GONE, { field: 'evidenceId' });
    const [themeId] = await resolveThemeIds(trx, { ids: [input.themeId] });
    const isRestored = await queries.insertTagAt(trx, { evidenceId: input.evidenceId, themeId, createdAt: input.createdAt });
    return { themeId, isRestored };
  });
}
