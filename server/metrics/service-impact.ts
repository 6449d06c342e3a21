// Before and after one shipped roadmap item: for its linked pain themes, how often the pain was
// observed (evidence), how many tickets its repeat questions drew, and how its flow was rated,
// N weeks before the ship date against the weeks since; and how the themes moved in the ranking
// since an inventory snapshot (the baseline).
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { compareSnapshot, listSnapshots } from '@/server/inventory/service';
import { listRepeatQuestions } from '@/server/tickets/service';
import { compareCounts, compareMeans, impactWindows } from './outcome-definitions';
import * as queries from './queries-outcomes';

export const IMPACT_WEEKS = [4, 8, 12, 26] as const;

/** The snapshot to compare against: the one chosen, else the last taken before the ship date, else the first. */
function chooseSnapshot<T extends { id: string; takenAt: Date }>(snapshots: T[], shippedAt: Date, chosenId: string | null): T | null {
  if (chosenId) return snapshots.find((snapshot) => snapshot.id === chosenId) ?? null;
  const before = snapshots.filter((snapshot) => new Date(snapshot.takenAt) <= shippedAt);
  const newestFirst = (a: T, b: T) => new Date(b.takenAt).getTime() - new Date(a.takenAt).getTime();
  return before.sort(newestFirst)[0] ?? [...snapshots].sort(newestFirst).at(-1) ?? null;
}

export async function getImpact(db: Db, input: { itemId: string; weeks: number; snapshotId: string | null }, now = new Date()) {
  const [shipped] = await queries.listShippedItems(db, { itemId: input.itemId });
  if (!shipped) {
    const item = await queries.findRoadmapItem(db, { id: input.itemId });
    if (!item) throw new AppError('NOT_FOUND', 'This roadmap item no longer exists.');
    return { isShipped: false as const, item: { id: item.id, title: item.title, lane: item.lane } };
  }
  const shippedAt = new Date(shipped.shippedAt);
  const windows = impactWindows(shippedAt, input.weeks, now);
  const spans = [windows.before, windows.after];

  const linked = await queries.listLinkedThemes(db, { itemId: input.itemId });
  // Evidence of a merged theme now lives on the theme it was merged into: count both.
  const themeIds = [...new Set(linked.flatMap((theme) => (theme.merged_into_id ? [theme.id, theme.merged_into_id] : [theme.id])))];

  const [evidence, repeats, ratings, snapshots] = await Promise.all([
    queries.countThemeEvidence(db, { themeIds, spans }),
    themeIds.length > 0 ? listRepeatQuestions(db, { similarity: 'normal', minAsked: 2, limit: 10_000 }) : { clusters: [], isCapped: false },
    shipped.ratingFlowId ? queries.sumRatings(db, { flowId: shipped.ratingFlowId, spans }) : null,
    listSnapshots(db),
  ]);
  const clusters = repeats.clusters.filter((cluster) => cluster.themes.some((theme) => themeIds.includes(theme.id)));
  const tickets = await queries.countTicketsOpened(db, { ticketIds: [...new Set(clusters.flatMap((cluster) => cluster.ticketIds))], spans });

  const snapshot = chooseSnapshot(snapshots, shippedAt, input.snapshotId);
  const comparison = snapshot ? await compareSnapshot(db, { id: snapshot.id }) : null;
  const compared = comparison ? [...comparison.comparison.ranked, ...comparison.comparison.added, ...comparison.comparison.resolved] : [];

  return {
    isShipped: true as const,
    item: { id: shipped.id, title: shipped.title, shippedAt, ratingFlow: shipped.ratingFlowId ? { id: shipped.ratingFlowId, key: shipped.ratingFlowKey!, name: shipped.ratingFlowName! } : null },
    weeks: input.weeks,
    windows,
    themes: linked.map((theme) => ({ id: theme.id, title: theme.title })),
    evidence: compareCounts(evidence[0], evidence[1], windows),
    tickets: {
      ...compareCounts(tickets[0], tickets[1], windows),
      clusters: clusters.slice(0, 10).map((cluster) => ({ title: cluster.title, asked: cluster.ticketIds.length })),
      clusterCount: clusters.length,
    },
    rating: ratings ? compareMeans(ratings[0], ratings[1]) : null,
    snapshots: snapshots.map((row) => ({ id: row.id, title: row.title, takenAt: row.takenAt })),
    baseline: comparison && {
      id: comparison.id,
      title: comparison.title,
      takenAt: comparison.takenAt,
      themes: linked.map((theme) => {
        const row = compared.find((candidate) => candidate.themeId === theme.id || candidate.themeId === theme.merged_into_id);
        return {
          id: theme.id,
          title: theme.title,
          rankThen: row?.rankThen ?? null,
          rankNow: row?.rankNow ?? null,
          scoreThen: row?.scoreThen ?? null,
          scoreNow: row?.scoreNow ?? null,
          affectedThen: row?.affectedThen ?? null,
          affectedNow: row?.affectedNow ?? null,
        };
      }),
    },
  };
}

export async function linkRatingFlow(db: Db, input: { itemId: string; flowId: string | null }) {
  if (input.flowId && !(await queries.listRatingFlows(db)).some((flow) => flow.id === input.flowId)) {
    throw new AppError('BAD_REQUEST', 'This rating flow no longer exists: choose another flow.', { field: 'flowId' });
  }
  if (!(await queries.setRatingFlow(db, input))) throw new AppError('NOT_FOUND', 'This roadmap item no longer exists.');
  return { ok: true as const };
}
