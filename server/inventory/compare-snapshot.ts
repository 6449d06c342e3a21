// Snapshots of the ranking (a baseline to measure against later) and how the ranking moved since
// one: rank moves, score changes, themes new since the snapshot and themes resolved since. Pure.
import { z } from 'zod';
import type { EvidenceSourceKind, ThemeStatus } from '@/db/types';
import type { RankedTheme } from './rank-themes';
import { SOURCE_KIND_ORDER } from './rank-themes';

/** One theme as frozen in a snapshot: the ranking's numbers at that moment. */
export const snapshotThemeSchema = z.object({
  rank: z.number(),
  themeId: z.string(),
  title: z.string(),
  status: z.enum(['candidate', 'confirmed', 'archived']),
  isMvpFocus: z.boolean(),
  evidenceCount: z.number(),
  affectedDevelopers: z.number(),
  unattributedMentions: z.number(),
  reach: z.number().nullable(),
  hoursPerDeveloperPerMonth: z.number().nullable(),
  score: z.number().nullable(),
  developersWithTimeData: z.number(),
  sourceKinds: z.array(z.enum(SOURCE_KIND_ORDER as [EvidenceSourceKind, ...EvidenceSourceKind[]])),
  isSingleSource: z.boolean(),
});
export type SnapshotTheme = z.infer<typeof snapshotThemeSchema>;
export const snapshotRankingSchema = z.array(snapshotThemeSchema);

export function toSnapshotTheme(theme: RankedTheme & { status: ThemeStatus; isMvpFocus: boolean }): SnapshotTheme {
  return {
    rank: theme.rank,
    themeId: theme.themeId,
    title: theme.title,
    status: theme.status,
    isMvpFocus: theme.isMvpFocus,
    evidenceCount: theme.evidenceCount,
    affectedDevelopers: theme.affectedDevelopers,
    unattributedMentions: theme.unattributedMentions,
    reach: theme.reach,
    hoursPerDeveloperPerMonth: theme.hoursPerDeveloperPerMonth,
    score: theme.score,
    developersWithTimeData: theme.developersWithTimeData,
    sourceKinds: theme.sourceKinds,
    isSingleSource: theme.isSingleSource,
  };
}

/** What became of a theme that was in the snapshot but is not ranked now. */
export type ResolvedReason =
  | { kind: 'archived' }
  | { kind: 'merged'; intoThemeId: string; intoTitle: string }
  | { kind: 'deleted' }
  | { kind: 'no-evidence' };

export interface ThemeFate {
  status: ThemeStatus;
  /** The live theme it was merged into (following merges to the end), when merged. */
  mergedInto: { id: string; title: string } | null;
}

export interface ComparedTheme {
  themeId: string;
  title: string;
  rankNow: number | null;
  rankThen: number | null;
  /** Places moved up (positive) or down (negative); null for new and resolved themes. */
  rankMove: number | null;
  scoreNow: number | null;
  scoreThen: number | null;
  /** Null when either score is unknown. */
  scoreChange: number | null;
  affectedNow: number | null;
  affectedThen: number | null;
}

export interface SnapshotComparison {
  /** Themes ranked both then and now, in today's order. */
  ranked: ComparedTheme[];
  /** Ranked now, not in the snapshot. */
  added: ComparedTheme[];
  /** In the snapshot, not ranked now, with what became of them. */
  resolved: (ComparedTheme & { reason: ResolvedReason })[];
}

function resolvedReason(fate: ThemeFate | undefined): ResolvedReason {
  if (!fate) return { kind: 'deleted' };
  if (fate.mergedInto) return { kind: 'merged', intoThemeId: fate.mergedInto.id, intoTitle: fate.mergedInto.title };
  if (fate.status === 'archived') return { kind: 'archived' };
  return { kind: 'no-evidence' };
}

/**
 * Compares today's ranking (already narrowed to themes with evidence, same filter as the
 * snapshot) with a snapshot's. `fates` says what became of the snapshot's themes that are gone.
 */
export function compareRankings(input: { then: SnapshotTheme[]; now: RankedTheme[]; fates: Map<string, ThemeFate> }): SnapshotComparison {
  const then = new Map(input.then.map((theme) => [theme.themeId, theme]));
  const now = new Map(input.now.map((theme) => [theme.themeId, theme]));
  const change = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

  const ranked: ComparedTheme[] = [];
  const added: ComparedTheme[] = [];
  for (const current of [...input.now].sort((a, b) => a.rank - b.rank)) {
    const before = then.get(current.themeId);
    const row: ComparedTheme = {
      themeId: current.themeId,
      title: current.title,
      rankNow: current.rank,
      rankThen: before?.rank ?? null,
      rankMove: before ? before.rank - current.rank : null,
      scoreNow: current.score,
      scoreThen: before?.score ?? null,
      scoreChange: before ? change(current.score, before.score) : null,
      affectedNow: current.affectedDevelopers,
      affectedThen: before?.affectedDevelopers ?? null,
    };
    (before ? ranked : added).push(row);
  }
  const resolved = [...input.then]
    .sort((a, b) => a.rank - b.rank)
    .filter((before) => !now.has(before.themeId))
    .map((before) => ({
      themeId: before.themeId,
      title: before.title,
      rankNow: null,
      rankThen: before.rank,
      rankMove: null,
      scoreNow: null,
      scoreThen: before.score,
      scoreChange: null,
      affectedNow: null,
      affectedThen: before.affectedDevelopers,
      reason: resolvedReason(input.fates.get(before.themeId)),
    }));
  return { ranked, added, resolved };
}
