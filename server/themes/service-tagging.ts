// Evidence into pain themes: saving items (one, or a whole cluster) with their tags in one
// transaction, tagging items already saved, and the theme a new statement creates on the way.
// Here, between the evidence store (server/evidence) and the registry of every source's loader
// (server/evidence-intake): the caller passes the loaders of the kinds it saves, so tickets save
// their clusters with their own loader and never import the registry, which imports them.
import type { EvidenceSourceKind } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import type { SourceLoader } from '@/server/evidence/evidence-source';
import * as evidenceQueries from '@/server/evidence/queries';
import { toEvidenceRow, type NewEvidence } from '@/server/evidence/service';
import * as queries from './queries';
import { resolveThemeIds } from './service';

/** The themes to tag into: the chosen ones (a merged theme gives the theme it forwards to), and a new one for a statement. */
export async function resolveTagThemes(db: Db, input: { themeIds?: string[]; newThemeTitle?: string | null; createdBy: string | null }) {
  const ids = await resolveThemeIds(db, { ids: input.themeIds ?? [] });
  if (input.newThemeTitle) ids.push((await queries.insertTheme(db, { title: input.newThemeTitle, description: '', createdBy: input.createdBy })).id);
  return ids;
}

/** Saves evidence items (one, or a whole cluster) and their tags in one transaction; `sources` reads each item's source. */
export async function saveEvidenceItems<K extends EvidenceSourceKind>(
  db: Db,
  input: { items: (NewEvidence & { sourceKind: K })[]; themeIds?: string[]; newThemeTitle?: string | null; createdBy: string | null },
  sources: Record<K, SourceLoader>,
): Promise<{ ids: string[]; themeIds: string[] }> {
  return db.transaction().execute(async (trx) => {
    const rows = [];
    for (const item of input.items) rows.push(await toEvidenceRow(trx, item, sources[item.sourceKind], input.createdBy));
    const ids = await evidenceQueries.insertEvidence(trx, { rows });
    const themeIds = await resolveTagThemes(trx, input);
    await evidenceQueries.insertTags(trx, { pairs: ids.flatMap((evidenceId) => themeIds.map((themeId) => ({ evidence_id: evidenceId, theme_id: themeId }))) });
    return { ids, themeIds };
  });
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
    const existing = new Set(await evidenceQueries.findExistingEvidenceIds(trx, { ids: evidenceIds }));
    const missing = evidenceIds.filter((id) => !existing.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `${missing.length} of the selected evidence items no longer exist. Reload and select again.`, {
        field: 'evidenceIds',
        details: { missing },
      });
    }
    const themeIds = await resolveTagThemes(trx, { ...input, createdBy: input.createdBy ?? null });
    const added = await evidenceQueries.insertTags(trx, {
      pairs: evidenceIds.flatMap((evidenceId) => themeIds.map((themeId) => ({ evidence_id: evidenceId, theme_id: themeId }))),
    });
    return { added };
  });
}
