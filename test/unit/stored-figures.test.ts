import { describe, expect, it } from 'vitest';
import { median } from '@/server/inventory/rank-themes';
import { kindsOfMask, medianOfMiddle, summariseStoredFolds, type StoredThemeFold } from '@/server/inventory/stored-figures';

const theme: StoredThemeFold = {
  themeId: 't1',
  evidenceCount: 6,
  unattributedItems: 1,
  kinds: 1 | 4 | 8 | 16, // interview, ticket, postmortem, survey
  developers: 3,
  activeDevelopers: 2,
  timedDevelopers: 2,
  medianLow: 30,
  medianHigh: 120,
};

describe('summariseStoredFolds', () => {
  it('gives the fold, the unattributed items and every kind', () => {
    expect(summariseStoredFolds([theme]).get('t1')).toEqual({
      themeId: 't1',
      evidenceCount: 6,
      unattributedMentions: 1,
      sourceKinds: ['interview', 'ticket', 'postmortem', 'survey'],
      fold: { affectedDevelopers: 3, activeAffectedDevelopers: 2, developersWithTimeData: 2, medianMinutes: 75 },
    });
  });

  it('leaves out themes with no items (none in the segment)', () => {
    expect(summariseStoredFolds([{ ...theme, evidenceCount: 0 }]).has('t1')).toBe(false);
  });

  it('takes the median from the middle values as median() does from all of them', () => {
    for (const values of [[], [5], [1, 2], [3, 1, 2], [0.1, 0.2, 0.7, 10], [7, 7, 7, 7, 8]]) {
      const sorted = [...values].sort((a, b) => a - b);
      const n = sorted.length;
      const low = n === 0 ? null : sorted[Math.floor((n + 1) / 2) - 1];
      const high = n === 0 ? null : sorted[Math.floor(n / 2)];
      expect(medianOfMiddle(n, low, high)).toBe(median(values));
    }
  });

  it('reads a kind mask back in the listed order', () => {
    expect(kindsOfMask(0)).toEqual([]);
    expect(kindsOfMask(64 | 1)).toEqual(['interview', 'request']);
  });
});
