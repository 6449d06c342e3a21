// Pain themes: creating and editing them, resolving which live theme an id stands for (a merged
// theme forwards to the theme it was merged into), merging with undo, splitting, the MVP focus,
// and the evidence behind a theme's numbers.
import type { ThemeStatus } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { listThemesOfEvidence } from '@/server/evidence/queries';
import type { InventoryFilter } from '@/server/inventory/queries';
import { rankInventory } from '@/server/inventory/service-ranking';
import * as queries from './queries';
import * as evidenceQueries from './queries-evidence';
import * as mergeQueries from './queries-merges';
import { MAX_MVP_FOCUS } from './rules';

const GONE = 'This theme no longer exists. Reload the page.';

export async function createTheme(db: Db, input: { title: string; description?: string; createdBy: string | null }) {
  return queries.insertTheme(db, { title: input.title, description: input.description ?? '', createdBy: input.createdBy });
}

/** Maps each id to the live theme it stands for, following merges. Refuses unknown ids. */
export async function resolveThemeIds(db: Db, input: { ids: string[] }): Promise<string[]> {
  const resolved = new Set<string>();
  for (const id of new Set(input.ids)) {
    let current = id;
    for (let hops = 0; ; hops += 1) {
      const [theme] = await queries.findThemes(db, { ids: [current] });
      if (!theme) throw new AppError('NOT_FOUND', 'This theme no longer exists. Reload and pick another theme.', { field: 'themeIds' });
      if (!theme.merged_into_id) break;
      if (hops > 50) throw new AppError('CONFLICT', 'This theme is part of a merge loop.', { field: 'themeIds' });
      current = theme.merged_into_id;
    }
    resolved.add(current);
  }
  return [...resolved];
}

/** The live theme an id stands for (itself, or the theme it was merged into); null when unknown. */
export async function findLiveTheme(db: Db, input: { id: string }): Promise<{ id: string; title: string } | null> {
  const [theme] = await queries.findThemes(db, { ids: [input.id] });
  if (!theme) return null;
  const [id] = await resolveThemeIds(db, { ids: [theme.id] });
  const [live] = await queries.findThemes(db, { ids: [id] });
  return { id: live.id, title: live.title };
}

export async function getThemeDetail(db: Db, input: { id: string; filter: InventoryFilter }) {
  const theme = await queries.getTheme(db, { id: input.id });
  if (!theme) return null;
  const isLive = !theme.mergedIntoId && theme.status !== 'archived';
  const [ranking, mergesIn, mergedInto] = await Promise.all([
    isLive ? rankInventory(db, input.filter) : null,
    mergeQueries.listMergesInto(db, { themeId: theme.id }),
    theme.mergedIntoId ? findLiveTheme(db, { id: theme.mergedIntoId }) : null,
  ]);
  const ranked = ranking?.themes.filter((row) => row.evidenceCount > 0) ?? [];
  return {
    theme,
    numbers: ranking?.themes.find((row) => row.themeId === theme.id) ?? null,
    rankedCount: ranked.length,
    directorySize: ranking?.directorySize ?? null,
    mergesIn,
    mergedInto,
  };
}

async function lockLiveTheme(db: Db, id: string, field: string) {
  const [theme] = await queries.lockThemes(db, { ids: [id] });
  if (!theme) throw new AppError('NOT_FOUND', GONE, { field });
  return theme;
}

export async function updateTheme(db: Db, input: { id: string; title: string; description: string; status: ThemeStatus }) {
  return db.transaction().execute(async (trx) => {
    const theme = await lockLiveTheme(trx, input.id, 'id');
    if (theme.merged_into_id) {
      throw new AppError('CONFLICT', 'This theme was merged into another theme. Edit that theme, or undo the merge first.');
    }
    // An archived theme is not ranked, so it cannot stay the MVP focus.
    return queries.updateTheme(trx, { ...input, clearFocus: input.status === 'archived' });
  });
}

export async function setMvpFocus(db: Db, input: { id: string; isFocus: boolean }) {
  await db.transaction().execute(async (trx) => {
    const focus = await queries.lockFocusThemes(trx);
    const theme = await lockLiveTheme(trx, input.id, 'id');
    if (input.isFocus) {
      if (theme.merged_into_id || theme.status === 'archived') {
        throw new AppError('CONFLICT', 'Only a live theme (not archived, not merged) can be the MVP focus.');
      }
      const others = focus.filter((row) => row.id !== theme.id);
      if (others.length >= MAX_MVP_FOCUS) {
        throw new AppError(
          'CONFLICT',
          `The MVP is already scoped to ${others.map((row) => `"${row.title}"`).sort().join(' and ')}. Remove one of them from the MVP focus first.`,
        );
      }
    }
    await queries.setMvpFocus(trx, input);
  });
}

/**
 * Merges theme B (source) into A (target): A gets every evidence item of B (each once), B
 * forwards to A. Remembered, so that undoMerge() can give B its evidence back.
 */
export async function mergeThemes(db: Db, input: { sourceId: string; targetId: string; mergedBy: string | null }) {
  if (input.sourceId === input.targetId) {
    throw new AppError('BAD_REQUEST', 'A theme cannot be merged into itself. Choose another theme.', { field: 'targetId' });
  }
  return db.transaction().execute(async (trx) => {
    const locked = await queries.lockThemes(trx, { ids: [input.sourceId, input.targetId] });
    const source = locked.find((theme) => theme.id === input.sourceId);
    const target = locked.find((theme) => theme.id === input.targetId);
    if (!source) throw new AppError('NOT_FOUND', GONE, { field: 'sourceId' });
    if (!target) throw new AppError('NOT_FOUND', 'The theme to merge into no longer exists. Choose another theme.', { field: 'targetId' });
    if (source.merged_into_id) {
      throw new AppError('CONFLICT', `"${source.title}" is already merged into another theme. Undo that merge first.`, { field: 'sourceId' });
    }
    // Both themes are live (merged into nothing), so the merge cannot close a loop.
    if (target.merged_into_id) {
      throw new AppError('CONFLICT', `"${target.title}" was itself merged into another theme. Merge into that theme instead.`, { field: 'targetId' });
    }
    if (target.status === 'archived') {
      throw new AppError('CONFLICT', `"${target.title}" is archived. Restore it before merging into it.`, { field: 'targetId' });
    }
    const merge = await mergeQueries.insertMerge(trx, input);
    await mergeQueries.recordMergedEvidence(trx, { mergeId: merge.id, sourceId: source.id, targetId: target.id });
    const added = await mergeQueries.tagMergedEvidence(trx, { mergeId: merge.id, themeId: target.id, isNewOnly: true });
    await mergeQueries.deleteAllTags(trx, { themeId: source.id });
    await mergeQueries.setMergedInto(trx, { id: source.id, mergedIntoId: target.id });
    return { mergeId: merge.id, targetId: target.id, added };
  });
}

/** Gives the source theme its evidence back and takes from the target what the merge added. */
export async function undoMerge(db: Db, input: { mergeId: string; undoneBy: string | null }) {
  return db.transaction().execute(async (trx) => {
    const merge = await mergeQueries.findMerge(trx, { id: input.mergeId });
    if (!merge) throw new AppError('NOT_FOUND', 'This merge no longer exists. Reload the page.');
    if (merge.undone_at) throw new AppError('CONFLICT', 'This merge was already undone.');
    const locked = await queries.lockThemes(trx, { ids: [merge.source_theme_id, merge.target_theme_id] });
    const target = locked.find((theme) => theme.id === merge.target_theme_id)!;
    if (target.merged_into_id) {
      const live = await findLiveTheme(trx, { id: target.id });
      throw new AppError('CONFLICT', `"${target.title}" has since been merged into "${live?.title}". Undo that merge first.`);
    }
    await mergeQueries.tagMergedEvidence(trx, { mergeId: merge.id, themeId: merge.source_theme_id, isNewOnly: false });
    await mergeQueries.untagMergedEvidence(trx, { mergeId: merge.id, themeId: merge.target_theme_id });
    await mergeQueries.setMergedInto(trx, { id: merge.source_theme_id, mergedIntoId: null });
    await mergeQueries.markMergeUndone(trx, { id: merge.id, undoneBy: input.undoneBy });
    return { sourceId: merge.source_theme_id, targetId: merge.target_theme_id };
  });
}

/** Moves the selected evidence of a theme into a new theme. */
export async function splitTheme(db: Db, input: { themeId: string; evidenceIds: string[]; title: string; description: string; createdBy: string | null }) {
  return db.transaction().execute(async (trx) => {
    const theme = await lockLiveTheme(trx, input.themeId, 'themeId');
    if (theme.merged_into_id) throw new AppError('CONFLICT', 'This theme was merged into another theme; split that theme instead.');
    const evidenceIds = [...new Set(input.evidenceIds)];
    const tagged = new Set(await evidenceQueries.findTaggedEvidenceIds(trx, { themeId: theme.id, evidenceIds }));
    const missing = evidenceIds.filter((id) => !tagged.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `${missing.length} of the selected evidence items are no longer in this theme. Reload and select again.`, {
        field: 'evidenceIds',
        details: { missing },
      });
    }
    const created = await queries.insertTheme(trx, { title: input.title, description: input.description, createdBy: input.createdBy });
    await evidenceQueries.moveTags(trx, { fromThemeId: theme.id, toThemeId: created.id, evidenceIds });
    return { id: created.id, title: created.title, moved: evidenceIds.length };
  });
}

export async function listEvidenceOutsideTheme(db: Db, input: { themeId: string; isUntaggedOnly: boolean; limit: number; offset: number }) {
  const result = await evidenceQueries.listEvidenceOutsideTheme(db, input);
  const tags = await listThemesOfEvidence(db, { evidenceIds: result.rows.map((row) => row.id) });
  return { ...result, rows: result.rows.map((row) => ({ ...row, themes: tags.get(row.id) ?? [] })) };
}
