// Theme suggestions for evidence in no theme yet: "fits theme X" (with the words that made it fit)
// and "these N items look like one pain" (a proposed new theme). Suggestions are only offered:
// tagging goes through evidence.tag after a person accepts; dismissals are remembered.
import { changeLogHooks } from '@/server/change-log/queries';
import type { Db } from '@/server/db';
import { createVersionedCache } from '@/server/lib/versioned-cache';
import { AppError } from '@/server/errors';
import { findExistingEvidenceIds } from '@/server/evidence/queries';
import { clusterUntagged } from './cluster-untagged';
import * as themeQueries from './queries';
import * as queries from './queries-suggestions';
import { fitThemes, type ThemeExamples, type ThemeModel } from './suggest-themes';

const cachedSuggestions = createVersionedCache<Db>({ ...changeLogHooks('inventory_changes'), maxEntries: 2 });

/** Newest excerpts per theme the model learns from: enough to know a theme, bounded in cost. */
const EXAMPLES_PER_THEME = 300;
/** Untagged items considered at most (the newest). */
const MAX_UNTAGGED = 20_000;
/** A fit weaker than this is not shown: fewer, better suggestions. */
export const MIN_FIT = 0.12;
/** An item whose best fit is below this "fits no theme" and may join a proposed group. */
const FITS_NO_THEME_BELOW = 0.2;
const FITS_PER_ITEM = 3;
/** Fits the model keeps per item, so that some are left after dismissals. */
const FITS_KEPT = 6;
const MAX_GROUPS = 20;
const SAMPLES_PER_GROUP = 3;

export interface FitSuggestion {
  themeId: string;
  themeTitle: string;
  score: number;
  words: string[];
}

export interface GroupSuggestion {
  /** The stemmed word or phrase the group shares; sent back to dismiss the group. */
  term: string;
  title: string;
  words: string[];
  evidenceIds: string[];
  /** A few of the group's excerpts, to judge it without opening each item. */
  samples: { id: string; excerpt: string }[];
}

export interface ThemeSuggestions {
  /** Fits for the evidence asked about (a page of the inbox, or the items of the tag dialog). */
  fits: { evidenceId: string; fits: FitSuggestion[] }[];
  groups: GroupSuggestion[];
  untaggedCount: number;
  themeCount: number;
}

interface Inbox {
  themes: ThemeExamples[];
  titles: Map<string, string>;
  /** The model over every untagged item. */
  model: ThemeModel | null;
  untaggedIds: Set<string>;
  dismissedFits: Set<string>;
  groups: GroupSuggestion[];
  untaggedCount: number;
}

type Ranked = { themeId: string; score: number }[];

function fitsWithout(fits: Ranked, evidenceId: string, dismissed: Set<string>, themeIds: Set<string>): Ranked {
  return fits.filter((fit) => !dismissed.has(`${evidenceId}:${fit.themeId}`) && !themeIds.has(fit.themeId)).slice(0, FITS_PER_ITEM);
}

/**
 * The model over every untagged item (it learns from all of them) and the groups, cached until
 * evidence, tags or themes change (the inventory's change log) or a suggestion is dismissed: the
 * inbox's pages and the tag dialog then cost a lookup.
 */
async function loadInbox(db: Db): Promise<Inbox> {
  const dismissalVersion = await queries.dismissalVersion(db);
  return cachedSuggestions(db, `inbox:${dismissalVersion}`, async () => {
    const [rows, untagged, dismissals] = await Promise.all([
      queries.listThemeExamples(db, { perTheme: EXAMPLES_PER_THEME }),
      queries.listUntaggedExcerpts(db, { limit: MAX_UNTAGGED }),
      queries.listDismissals(db),
    ]);
    const themes = rows.map((theme) => ({ id: theme.id, title: theme.title, examples: theme.examples }));
    const titles = new Map(themes.map((theme) => [theme.id, theme.title]));
    const items = untagged.map((row) => ({ id: row.id, text: row.excerpt }));
    const model = themes.length ? fitThemes(themes, items, { limit: FITS_KEPT, minScore: MIN_FIT }) : null;
    const dismissedFits = new Set<string>();
    const dismissedGroups = new Map<string, Set<string>>();
    for (const row of dismissals) {
      if (row.theme_id) dismissedFits.add(`${row.evidence_id}:${row.theme_id}`);
      else if (row.cluster_term) dismissedGroups.set(row.cluster_term, (dismissedGroups.get(row.cluster_term) ?? new Set()).add(row.evidence_id));
    }
    const none = new Set<string>();
    const fitsNoTheme = items.filter(
      (item) => (fitsWithout(model?.rank(item.id) ?? [], item.id, dismissedFits, none)[0]?.score ?? 0) < FITS_NO_THEME_BELOW,
    );
    const excerptOf = new Map(untagged.map((row) => [row.id, row.excerpt]));
    const groups = clusterUntagged(fitsNoTheme, { maxClusters: MAX_GROUPS, dismissed: dismissedGroups }).map((group) => ({
      term: group.key,
      title: group.title,
      words: group.words,
      evidenceIds: group.itemIds,
      samples: group.itemIds.slice(0, SAMPLES_PER_GROUP).map((id) => ({ id, excerpt: excerptOf.get(id) ?? '' })),
    }));
    return { themes, titles, model, untaggedIds: new Set(untagged.map((row) => row.id)), dismissedFits, groups, untaggedCount: untagged.length };
  });
}

/**
 * Fits for the evidence asked about (a page of the inbox, the items of the tag dialog) and the
 * proposed groups among untagged items that fit no theme. Items asked about may be tagged already
 * (the tag dialog): their current themes are not suggested again. Dismissed suggestions are left out.
 */
export async function getThemeSuggestions(db: Db, input: { evidenceIds?: string[] }): Promise<ThemeSuggestions> {
  const [inbox, asked] = await Promise.all([loadInbox(db), queries.findExcerptsWithThemes(db, { ids: input.evidenceIds ?? [] })]);
  const themesOf = new Map(asked.map((item) => [item.id, new Set(item.themeIds)]));
  // Tagged items asked about are not in the cached model: fit them on their own.
  const outside = asked.filter((item) => !inbox.untaggedIds.has(item.id));
  const outsideModel =
    outside.length && inbox.themes.length
      ? fitThemes(inbox.themes, outside.map((item) => ({ id: item.id, text: item.excerpt })), { limit: FITS_KEPT, minScore: MIN_FIT })
      : null;
  const none = new Set<string>();
  return {
    fits: asked.map((item) => {
      const model = inbox.untaggedIds.has(item.id) ? inbox.model : outsideModel;
      const ranked = fitsWithout(model?.rank(item.id) ?? [], item.id, inbox.dismissedFits, themesOf.get(item.id) ?? none);
      return {
        evidenceId: item.id,
        fits: ranked
          .map((fit) => ({ ...fit, themeTitle: inbox.titles.get(fit.themeId) ?? '', words: model?.explain(item.id, fit.themeId) ?? [] }))
          .filter((fit) => fit.words.length > 0),
      };
    }),
    groups: inbox.groups,
    untaggedCount: inbox.untaggedCount,
    themeCount: inbox.themes.length,
  };
}

/**
 * Fits (with their words) for texts that are not evidence yet, against the themes the inbox learned;
 * `dismissed` holds `itemId:themeId` of the fits a person said "Not this theme" to.
 */
async function fitTexts(db: Db, items: { id: string; text: string }[], dismissed: Set<string>): Promise<Map<string, FitSuggestion[]>> {
  const result = new Map<string, FitSuggestion[]>();
  if (items.length === 0) return result;
  const inbox = await loadInbox(db);
  if (inbox.themes.length === 0) return result;
  const model = fitThemes(inbox.themes, items, { limit: FITS_KEPT, minScore: MIN_FIT });
  const none = new Set<string>();
  for (const item of items) {
    const fits = fitsWithout(model.rank(item.id), item.id, dismissed, none)
      .map((fit) => ({ ...fit, themeTitle: inbox.titles.get(fit.themeId) ?? '', words: model.explain(item.id, fit.themeId) }))
      .filter((fit) => fit.words.length > 0);
    result.set(item.id, fits);
  }
  return result;
}

/**
 * "Fits theme X" beside a survey's free-text answers that are not evidence yet, so a quarter's
 * comments can be coded from the results page. Keyed by response and question only: nothing about
 * who answered is read or returned. Saving one goes through evidence.create (a person presses Save).
 */
export async function suggestForSurveyAnswers(db: Db, input: { surveyId: string; answers: { responseId: string; questionId: string }[] }) {
  if (!(await queries.surveyExists(db, { id: input.surveyId }))) {
    throw new AppError('NOT_FOUND', 'This survey no longer exists.', { field: 'surveyId' });
  }
  const rows = await queries.findSurveyAnswerTexts(db, input);
  const found = new Set(rows.map((row) => `${row.responseId}:${row.questionId}`));
  const missing = input.answers.filter((answer) => !found.has(`${answer.responseId}:${answer.questionId}`));
  if (missing.length > 0) {
    throw new AppError('BAD_REQUEST', `${missing.length} of these are not free-text answers of this survey. Reload the answers.`, { field: 'answers' });
  }
  const open = rows.filter((row) => !row.isEvidence && row.text.trim() !== '');
  const dismissed = await queries.listAnswerDismissals(db, { responseIds: [...new Set(open.map((row) => row.responseId))] });
  const fits = await fitTexts(db, open.map((row) => ({ id: `${row.responseId}:${row.questionId}`, text: row.text })), dismissed);
  return {
    answers: rows.map((row) => ({
      responseId: row.responseId,
      questionId: row.questionId,
      isEvidence: row.isEvidence,
      fits: fits.get(`${row.responseId}:${row.questionId}`) ?? [],
    })),
  };
}

/** "Fits theme X" beside developers' requests that are not evidence yet (title and details together). */
export async function suggestForRequests(db: Db, input: { requestIds: string[] }) {
  const ids = [...new Set(input.requestIds)];
  const rows = await queries.findRequestTexts(db, { ids });
  if (rows.length < ids.length) {
    throw new AppError('NOT_FOUND', `${ids.length - rows.length} of these requests no longer exist. Reload the inbox.`, { field: 'requestIds' });
  }
  const open = rows.filter((row) => !row.isEvidence);
  const dismissed = await queries.listRequestDismissals(db, { requestIds: open.map((row) => row.id) });
  const fits = await fitTexts(db, open.map((row) => ({ id: row.id, text: `${row.title}\n${row.details}` })), dismissed);
  return { requests: rows.map((row) => ({ requestId: row.id, isEvidence: row.isEvidence, fits: fits.get(row.id) ?? [] })) };
}

async function requireEvidence(db: Db, ids: string[]) {
  const existing = new Set(await findExistingEvidenceIds(db, { ids }));
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `${missing.length} of these evidence items no longer exist. Reload the inbox.`, { field: 'evidenceIds' });
  }
}

async function requireTheme(db: Db, id: string, reload: string) {
  if ((await themeQueries.findThemes(db, { ids: [id] })).length === 0) {
    throw new AppError('NOT_FOUND', `This theme no longer exists. Reload ${reload}.`, { field: 'themeId' });
  }
}

/** "Not this theme" for one item: the fit is not offered again. */
export async function dismissFit(db: Db, input: { evidenceId: string; themeId: string; dismissedBy: string | null }) {
  await requireEvidence(db, [input.evidenceId]);
  await requireTheme(db, input.themeId, 'the inbox');
  await queries.insertDismissals(db, {
    rows: [{ evidence_id: input.evidenceId, theme_id: input.themeId, cluster_term: null, dismissed_by: input.dismissedBy }],
  });
}

/** "Not this theme" for a survey's free-text answer: the fit is not offered beside it again. Only the answer's key is kept. */
export async function dismissAnswerFit(
  db: Db,
  input: { surveyId: string; responseId: string; questionId: string; themeId: string; dismissedBy: string | null },
) {
  const answer = { responseId: input.responseId, questionId: input.questionId };
  if ((await queries.findSurveyAnswerTexts(db, { surveyId: input.surveyId, answers: [answer] })).length === 0) {
    throw new AppError('NOT_FOUND', 'This is not a free-text answer of this survey. Reload the answers.', { field: 'responseId' });
  }
  await requireTheme(db, input.themeId, 'the answers');
  await queries.insertDismissals(db, {
    rows: [{ response_id: input.responseId, question_id: input.questionId, theme_id: input.themeId, cluster_term: null, dismissed_by: input.dismissedBy }],
  });
}

/** "Not this theme" for a developer's request: the fit is not offered beside it again. */
export async function dismissRequestFit(db: Db, input: { requestId: string; themeId: string; dismissedBy: string | null }) {
  if ((await queries.findRequestTexts(db, { ids: [input.requestId] })).length === 0) {
    throw new AppError('NOT_FOUND', 'This request no longer exists. Reload the inbox.', { field: 'requestId' });
  }
  await requireTheme(db, input.themeId, 'the inbox');
  await queries.insertDismissals(db, {
    rows: [{ request_id: input.requestId, theme_id: input.themeId, cluster_term: null, dismissed_by: input.dismissedBy }],
  });
}

/** "Not one pain": these items are not grouped on this term again (new items still may be). */
export async function dismissGroup(db: Db, input: { term: string; evidenceIds: string[]; dismissedBy: string | null }) {
  const ids = [...new Set(input.evidenceIds)];
  await requireEvidence(db, ids);
  await queries.insertDismissals(db, {
    rows: ids.map((id) => ({ evidence_id: id, theme_id: null, cluster_term: input.term, dismissed_by: input.dismissedBy })),
  });
}
