import { describe, expect, it } from 'vitest';
import { kindsOfMask, summariseStoredFigures, type StoredThemeFigures } from '@/server/inventory/stored-figures';

const theme: StoredThemeFigures = {
  themeId: 't1',
  evidenceCount: 6,
  unattributedItems: 1,
  unattributedKinds: 8, // postmortem
  participantIds: ['a', 'b', 'c'],
  items: [2, 1, 2],
  largestRecurring: [120, null, null],
  singleMinutes: [60, null, 30],
  kinds: [1 | 4, 16, 4], // interview + ticket, survey, ticket
};

describe('summariseStoredFigures', () => {
  it('gives the whole directory every developer, the unattributed items and every kind', () => {
    const summary = summariseStoredFigures([theme], { archivedIds: new Set(['c']), segmentIds: null }).get('t1')!;
    expect(summary).toEqual({
      themeId: 't1',
      evidenceCount: 6,
      unattributedMentions: 1,
      developers: [
        { isActive: true, largestRecurring: 120, singleMinutes: 60 },
        { isActive: true, largestRecurring: null, singleMinutes: null },
        { isActive: false, largestRecurring: null, singleMinutes: 30 },
      ],
      sourceKinds: ['interview', 'ticket', 'postmortem', 'survey'],
    });
  });

  it('keeps only the segment’s developers, drops unattributed items, and leaves out themes with none', () => {
    const summaries = summariseStoredFigures([theme, { ...theme, themeId: 't2', participantIds: ['x', 'y', 'z'] }], { archivedIds: new Set(), segmentIds: new Set(['a', 'c']) });
    expect(summaries.get('t1')).toMatchObject({ evidenceCount: 4, unattributedMentions: 0, sourceKinds: ['interview', 'ticket'] });
    expect(summaries.get('t1')!.developers).toHaveLength(2);
    expect(summaries.has('t2')).toBe(false);
  });

  it('reads a kind mask back in the listed order', () => {
    expect(kindsOfMask(0)).toEqual([]);
    expect(kindsOfMask(64 | 1)).toEqual(['interview', 'request']);
  });
});
