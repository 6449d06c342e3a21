import { describe, expect, it } from 'vitest';
import { compareRankings, snapshotRankingSchema, toSnapshotTheme, type ThemeFate } from '@/server/inventory/compare-snapshot';
import type { RankedTheme } from '@/server/inventory/rank-themes';

function ranked(rank: number, themeId: string, score: number | null, affectedDevelopers = 2): RankedTheme {
  return {
    rank,
    themeId,
    title: `Theme ${themeId}`,
    evidenceCount: 3,
    affectedDevelopers,
    unattributedMentions: 0,
    reach: 0.5,
    hoursPerDeveloperPerMonth: score === null ? null : score / affectedDevelopers,
    score,
    developersWithTimeData: affectedDevelopers,
    sourceKinds: ['interview', 'ticket'],
    isSingleSource: false,
  };
}
const frozen = (theme: RankedTheme) => toSnapshotTheme({ ...theme, status: 'confirmed', isMvpFocus: false });

describe('compareRankings', () => {
  it('reports rank moves, score changes, new themes and resolved themes with what became of them', () => {
    const then = [ranked(1, 'a', 40), ranked(2, 'b', 20), ranked(3, 'c', 10), ranked(4, 'd', 5), ranked(5, 'e', null), ranked(6, 'f', 1)].map(frozen);
    const now = [ranked(1, 'b', 30), ranked(2, 'a', 25), ranked(3, 'new', 8), ranked(4, 'e', 2)];
    const fates = new Map<string, ThemeFate>([
      ['c', { status: 'archived', mergedInto: null }],
      ['d', { status: 'candidate', mergedInto: { id: 'a', title: 'Theme a' } }],
      ['f', { status: 'confirmed', mergedInto: null }],
    ]);
    const result = compareRankings({ then, now, fates });
    expect(result.ranked.map((row) => [row.themeId, row.rankThen, row.rankNow, row.rankMove, row.scoreChange])).toEqual([
      ['b', 2, 1, 1, 10],
      ['a', 1, 2, -1, -15],
      ['e', 5, 4, 1, null],
    ]);
    expect(result.added.map((row) => [row.themeId, row.rankNow, row.rankThen, row.rankMove])).toEqual([['new', 3, null, null]]);
    expect(result.resolved.map((row) => [row.themeId, row.reason])).toEqual([
      ['c', { kind: 'archived' }],
      ['d', { kind: 'merged', intoThemeId: 'a', intoTitle: 'Theme a' }],
      ['f', { kind: 'no-evidence' }],
    ]);
    // A theme that is gone entirely.
    expect(compareRankings({ then: [frozen(ranked(1, 'x', 3))], now: [], fates: new Map() }).resolved[0].reason).toEqual({ kind: 'deleted' });
  });

  it('freezes only the numbers, and reads them back through a schema', () => {
    const snapshot = frozen({ ...ranked(1, 'a', 4), ...{ extra: 'not kept' } } as RankedTheme);
    expect(Object.keys(snapshot)).not.toContain('extra');
    expect(snapshotRankingSchema.parse(JSON.parse(JSON.stringify([snapshot])))).toEqual([snapshot]);
    expect(() => snapshotRankingSchema.parse([{ rank: 'first' }])).toThrow();
  });
});
