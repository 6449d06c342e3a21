// The numbers of surveys and ratings: mean, distribution, eNPS, health band, response rate,
// weekly series, and the suppression rule with complementary hiding.
import { describe, expect, it } from 'vitest';
import {
  breakdownOf,
  distributionOf,
  enpsOf,
  healthOf,
  hiddenGroupsOf,
  hiddenReasonsOf,
  meanOf,
  responseRateExceeds,
  responseRateOf,
  weekOf,
  weeklySeriesOf,
  type ScoreCount,
} from '@/server/surveys/statistics';

const counts = (...scores: number[]): ScoreCount[] => {
  const map = new Map<number, number>();
  for (const score of scores) map.set(score, (map.get(score) ?? 0) + 1);
  return [...map].map(([score, count]) => ({ score, count }));
};

describe('mean and distribution', () => {
  it('computes the mean to two decimals, null without answers', () => {
    expect(meanOf(counts(8, 7, 9, 8, 6, 7, 3))).toBe(6.86);
    expect(meanOf([{ score: 10, count: 3 }])).toBe(10);
    expect(meanOf([])).toBeNull();
  });

  it('gives one bar per possible score, zeros included', () => {
    expect(distributionOf(counts(2, 2, 5), { min: 1, max: 5 })).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 2 },
      { value: 3, count: 0 },
      { value: 4, count: 0 },
      { value: 5, count: 1 },
    ]);
    expect(distributionOf([], { min: 0, max: 10 })).toHaveLength(11);
  });
});

describe('eNPS', () => {
  it('is % promoters (9-10) minus % detractors (0-6)', () => {
    // 4 promoters, 3 passives, 3 detractors of 10: 40 - 30 = 10.
    expect(enpsOf(counts(10, 9, 9, 10, 7, 8, 8, 0, 6, 3))).toEqual({ score: 10, promoters: 4, passives: 3, detractors: 3 });
    expect(enpsOf(counts(0, 1, 2))!.score).toBe(-100);
    expect(enpsOf(counts(9, 10))!.score).toBe(100);
    expect(Object.is(enpsOf(counts(9, 5))!.score, -0)).toBe(false);
    expect(enpsOf([])).toBeNull();
  });

  it('rounds to a whole number', () => {
    // 1 promoter, 2 passives of 3: 33.33 -> 33.
    expect(enpsOf(counts(9, 7, 8))!.score).toBe(33);
  });
});

describe('health band of a 1-10 score', () => {
  it.each([
    [7.6, 'healthy'],
    [7.5, 'watch'],
    [6.5, 'watch'],
    [6.49, 'warning'],
    [1, 'warning'],
  ] as const)('%d is %s', (mean, health) => {
    expect(healthOf(mean)).toBe(health);
  });
});

describe('response rate', () => {
  it('divides by the people asked; null when nobody is known to have been asked', () => {
    expect(responseRateOf(17, 40)).toBe(0.425);
    expect(responseRateOf(2, 3)).toBe(0.6667);
    expect(responseRateOf(5, 0)).toBeNull();
    expect(responseRateOf(5, null)).toBeNull();
  });

  it('is capped at 100% when responses outnumber the people asked, and says so', () => {
    expect(responseRateOf(12, 10)).toBe(1);
    expect(responseRateExceeds(12, 10)).toBe(true);
    expect(responseRateExceeds(10, 10)).toBe(false);
    expect(responseRateExceeds(3, null)).toBe(false);
    expect(responseRateExceeds(3, 0)).toBe(false);
  });
});

describe('suppression of small groups', () => {
  const groups = (entries: Record<string, number>) => Object.entries(entries).map(([key, count]) => ({ key, count }));

  it('says why each group is hidden: too few answers, or hidden so a smaller one cannot be worked out', () => {
    expect(hiddenReasonsOf(groups({ Payments: 6, Search: 7, Mobile: 2 }))).toEqual(
      new Map([
        ['Mobile', 'too_few'],
        ['Payments', 'complementary'],
      ]),
    );
    expect(hiddenReasonsOf(groups({ A: 1, B: 1, C: 5, D: 30 }))).toEqual(
      new Map([
        ['A', 'too_few'],
        ['B', 'too_few'],
        ['C', 'complementary'],
      ]),
    );
    expect(hiddenReasonsOf(groups({ A: 3, B: 4, C: 20 }))).toEqual(
      new Map([
        ['A', 'too_few'],
        ['B', 'too_few'],
      ]),
    );
  });

  it('shows every group of at least 5', () => {
    expect(hiddenGroupsOf(groups({ Payments: 5, Search: 12, 'not reported': 7 }))).toEqual(new Set());
  });

  it('hides a small group and the smallest other group, so the total gives nothing away', () => {
    expect(hiddenGroupsOf(groups({ Payments: 6, Search: 7, Mobile: 2 }))).toEqual(new Set(['Mobile', 'Payments']));
  });

  it('keeps hiding until the hidden groups together hold at least 5 answers', () => {
    // Two tiny groups hidden together would still reveal 2 answers: hide the next one too.
    expect(hiddenGroupsOf(groups({ A: 1, B: 1, C: 5, D: 30 }))).toEqual(new Set(['A', 'B', 'C']));
    expect(hiddenGroupsOf(groups({ A: 3, B: 4, C: 20 }))).toEqual(new Set(['A', 'B']));
  });

  it('hides everything when only one group would remain visible beside a hidden one', () => {
    expect(hiddenGroupsOf(groups({ Payments: 40, Mobile: 3 }))).toEqual(new Set(['Payments', 'Mobile']));
    expect(hiddenGroupsOf(groups({ Mobile: 3 }))).toEqual(new Set(['Mobile']));
  });

  it('treats "not reported" as a group like any other, and ignores empty groups', () => {
    expect(hiddenGroupsOf(groups({ Payments: 9, '': 2, Empty: 0 }))).toEqual(new Set(['', 'Payments']));
  });

  it('never lets a hidden group be worked out from the total and what the breakdown shows', () => {
    // Exhaustively: for every split of answers into up to four groups of 0-12, what a reader can
    // compute (the total minus the visible groups) is never the numbers of one named group, nor
    // of fewer than 5 answers spread over groups.
    const sizes = [0, 1, 2, 3, 4, 5, 6, 9, 12];
    for (const a of sizes) {
      for (const b of sizes) {
        for (const c of sizes) {
          for (const d of sizes) {
            const split = { a, b, c, d };
            const shown = breakdownOf(
              Object.entries(split).map(([key, count]) => ({ key, counts: count ? [{ score: 7, count }] : [] })),
              { isEnps: false },
            );
            const label = JSON.stringify(split);
            for (const group of shown) if (!group.isHidden) expect(group.count, label).toBeGreaterThanOrEqual(5);
            const total = a + b + c + d;
            const remainder = total - shown.reduce((sum, group) => sum + (group.isHidden ? 0 : group.count), 0);
            const namedHidden = shown.filter((group) => group.isHidden);
            if (remainder === 0) continue;
            expect(namedHidden.length === 1, `${label}: one named group holds the remainder`).toBe(false);
            // Several groups hidden beside visible ones: together they hold 5 answers or more.
            if (namedHidden.length > 1 && remainder < total) expect(remainder, label).toBeGreaterThanOrEqual(5);
            // Nothing named at all, or everything hidden: the reader learns only the total, which the
            // results show anyway.
            if (namedHidden.length === 0 || namedHidden.length === shown.length) expect(remainder, label).toBe(total);
          }
        }
      }
    }
  });

  it('leaves out a lone group altogether, since its numbers are the total', () => {
    expect(breakdownOf([{ key: 'Mobile', counts: counts(3, 4, 2) }], { isEnps: false })).toEqual([]);
    expect(breakdownOf([{ key: 'Mobile', counts: counts(3, 4, 2, 5, 5, 6) }], { isEnps: false })).toHaveLength(1);
  });

  it('builds a breakdown that carries no number for a hidden group', () => {
    const result = breakdownOf(
      [
        { key: 'Payments', counts: counts(8, 8, 7, 9, 8, 6) },
        { key: 'Search', counts: counts(5, 6, 4, 5, 6, 7, 5) },
        { key: 'Mobile', counts: counts(2, 1) },
        { key: 'Platform', counts: [] },
      ],
      { isEnps: false },
    );
    // Mobile has too few answers; Payments is hidden only so that Mobile cannot be subtracted out.
    expect(result).toEqual([
      { key: 'Payments', isHidden: true, hiddenReason: 'complementary' },
      { key: 'Search', isHidden: false, count: 7, mean: 5.43, enps: null },
      { key: 'Mobile', isHidden: true, hiddenReason: 'too_few' },
    ]);
  });
});

describe('weeks', () => {
  it('starts a week on Monday', () => {
    expect(weekOf('2026-11-26')).toBe('2026-11-23');
    expect(weekOf('2026-11-23')).toBe('2026-11-23');
    expect(weekOf('2026-11-22')).toBe('2026-11-16');
  });

  it('gives one point per week, empty weeks included', () => {
    const series = weeklySeriesOf(
      [
        { day: '2026-11-02', counts: counts(4, 2) },
        { day: '2026-11-05', counts: counts(3) },
        { day: '2026-11-20', counts: counts(5) },
      ],
      { from: '2026-11-03', to: '2026-11-26' },
    );
    expect(series).toEqual([
      { week: '2026-11-02', count: 3, mean: 3 },
      { week: '2026-11-09', count: 0, mean: null },
      { week: '2026-11-16', count: 1, mean: 5 },
      { week: '2026-11-23', count: 0, mean: null },
    ]);
  });
});
