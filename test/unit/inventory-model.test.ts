import { describe, expect, it } from 'vitest';
import { formatHours, formatReach, quadrantOf, quadrantSplits, sortInventory } from '@/server/inventory/inventory-model';
import type { RankedTheme } from '@/server/inventory/rank-themes';

function theme(rank: number, values: Partial<RankedTheme>): RankedTheme {
  return {
    rank,
    themeId: `t${rank}`,
    title: `Theme ${rank}`,
    evidenceCount: 1,
    affectedDevelopers: 1,
    unattributedMentions: 0,
    reach: 0.1,
    hoursPerDeveloperPerMonth: 1,
    score: 1,
    developersWithTimeData: 1,
    sourceKinds: ['interview'],
    isSingleSource: true,
    ...values,
  };
}

describe('quadrants', () => {
  it('splits at the medians of the plotted themes and names each quadrant', () => {
    const themes = [
      theme(1, { affectedDevelopers: 10, hoursPerDeveloperPerMonth: 8, sourceKinds: ['interview', 'ticket'] }),
      theme(2, { affectedDevelopers: 2, hoursPerDeveloperPerMonth: 20 }),
      theme(3, { affectedDevelopers: 12, hoursPerDeveloperPerMonth: 1 }),
      theme(4, { affectedDevelopers: 1, hoursPerDeveloperPerMonth: 0.5 }),
      theme(5, { affectedDevelopers: 30, hoursPerDeveloperPerMonth: null }),
    ];
    const splits = quadrantSplits(themes);
    expect(splits).toEqual({ developers: 6, hours: 4.5 });
    expect(themes.map((row) => quadrantOf(row, splits))).toEqual(['do-first', 'severe-for-few', 'widespread', 'watch', null]);
  });

  it('has nothing to split without time data', () => {
    expect(quadrantSplits([theme(1, { hoursPerDeveloperPerMonth: null })])).toBeNull();
    expect(quadrantOf(theme(1, {}), null)).toBeNull();
  });
});

describe('sortInventory', () => {
  const themes = [
    theme(1, { affectedDevelopers: 2, reach: 0.2, hoursPerDeveloperPerMonth: 30, sourceKinds: ['interview'] }),
    theme(2, { affectedDevelopers: 9, reach: 0.9, hoursPerDeveloperPerMonth: 2, sourceKinds: ['interview', 'ticket', 'survey'] }),
    theme(3, { affectedDevelopers: 9, reach: 0.9, hoursPerDeveloperPerMonth: null, sourceKinds: ['interview', 'ticket'] }),
  ];
  it('orders by the chosen number, ties by rank', () => {
    expect(sortInventory(themes, 'score').map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(sortInventory([...themes].reverse(), 'score').map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(sortInventory(themes, 'affected').map((row) => row.rank)).toEqual([2, 3, 1]);
    expect(sortInventory(themes, 'reach').map((row) => row.rank)).toEqual([2, 3, 1]);
    expect(sortInventory(themes, 'severity').map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(sortInventory(themes, 'confidence').map((row) => row.rank)).toEqual([2, 3, 1]);
  });
});

describe('formatting', () => {
  it('rounds hours and reach the way people read them', () => {
    expect([formatHours(null), formatHours(0.254), formatHours(5.5), formatHours(12.345), formatHours(1234.5)]).toEqual(['unknown', '0.25', '5.5', '12.3', '1,235']);
    expect([formatReach(null), formatReach(0), formatReach(0.05), formatReach(2 / 3), formatReach(1)]).toEqual(['—', '0%', '5.0%', '67%', '100%']);
  });
});
