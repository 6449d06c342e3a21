// Roadmap rules: quarters, the review nudge, what a publish changes and lane ordering.
import { describe, expect, it } from 'vitest';
import { assemblePublicBoard } from '@/server/roadmap/public-board';
import {
  isReviewOverdue,
  moveInLanes,
  pendingChangeOf,
  quarterLabel,
  quarterOf,
  quarterOptions,
  quarterSchema,
  type ItemCopy,
  type LaneOrder,
} from '@/server/roadmap/rules';

describe('quarters', () => {
  it('names the quarter of a date in UTC and labels it for people', () => {
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-Q2');
    expect(quarterLabel('2026-Q4')).toBe('Q4 2026');
  });

  it('offers two quarters back and six ahead, across years', () => {
    expect(quarterOptions(new Date('2026-02-10T00:00:00Z'))).toEqual([
      '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3',
    ]);
  });

  it.each(['2026-Q5', 'Q3 2026', '2026Q3', '1999-Q1', '2026-Q3; drop table'])('refuses the quarter %j', (value) => {
    expect(quarterSchema.safeParse(value).success).toBe(false);
  });
});

describe('the review nudge', () => {
  const now = new Date('2026-07-15T12:00:00Z');
  it('nudges when items exist but nothing was ever published', () => {
    expect(isReviewOverdue({ lastPublishedAt: null, hasItems: true, now })).toBe(true);
    expect(isReviewOverdue({ lastPublishedAt: null, hasItems: false, now })).toBe(false);
  });
  it('nudges three months after the last publish, not before', () => {
    expect(isReviewOverdue({ lastPublishedAt: new Date('2026-04-16T12:00:00Z'), hasItems: true, now })).toBe(false);
    expect(isReviewOverdue({ lastPublishedAt: new Date('2026-04-15T12:00:00Z'), hasItems: true, now })).toBe(true);
  });
});

describe('what a publish changes', () => {
  const copy: ItemCopy = { title: 'A', description: 'd', targetQuarter: null, lane: 'planned', position: 0, themeIds: ['t1', 't2'] };
  const item = (draft: Partial<ItemCopy>, published: ItemCopy | null, isPublic = true) => ({ id: 'i', isPublic, draft: { ...copy, ...draft }, published });

  it('finds additions, moves, edits, reorders and withdrawals, in that order of importance', () => {
    expect(pendingChangeOf(item({}, null))).toMatchObject({ kind: 'added', toLane: 'planned' });
    expect(pendingChangeOf(item({ lane: 'shipped', title: 'B' }, copy))).toMatchObject({ kind: 'moved', fromLane: 'planned', toLane: 'shipped' });
    expect(pendingChangeOf(item({ title: 'B', position: 3 }, copy))).toMatchObject({ kind: 'edited' });
    expect(pendingChangeOf(item({ position: 3 }, copy))).toMatchObject({ kind: 'reordered' });
    expect(pendingChangeOf(item({}, copy, false))).toMatchObject({ kind: 'withdrawn', title: 'A' });
  });

  it('sees nothing to publish when only the order of linked themes differs, or a private draft stays private', () => {
    expect(pendingChangeOf(item({ themeIds: ['t2', 't1'] }, copy))).toBeNull();
    expect(pendingChangeOf(item({}, null, false))).toBeNull();
  });
});

describe('moving items between lanes', () => {
  const order = (): LaneOrder => ({ in_progress: ['a'], planned: ['b', 'c', 'd'], requested: [], shipped: [], declined: [] });

  it('reorders within a lane and moves across lanes, clamping the index', () => {
    expect(moveInLanes(order(), { id: 'd', lane: 'planned', index: 0 }).planned).toEqual(['d', 'b', 'c']);
    expect(moveInLanes(order(), { id: 'b', lane: 'planned', index: 2 }).planned).toEqual(['c', 'd', 'b']);
    const moved = moveInLanes(order(), { id: 'c', lane: 'requested', index: 5 });
    expect([moved.planned, moved.requested]).toEqual([['b', 'd'], ['c']]);
    expect(moveInLanes(order(), { id: 'a', lane: 'planned', index: -3 }).planned).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the public board', () => {
  const row = (id: string, lane: 'planned' | 'shipped' | 'declined', extra: object = {}) => ({
    id,
    public_title: id.toUpperCase(),
    public_quarter: null,
    public_lane: lane,
    public_position: 0,
    public_updated_at: new Date('2026-05-01T00:00:00Z'),
    shipped_at: null,
    ...extra,
  });

  it('shows three lanes and a changelog by shipping quarter, with live themes only, most developers first', () => {
    const board = assemblePublicBoard({
      items: [
        row('b', 'planned', { public_position: 1 }),
        row('a', 'planned'),
        row('old', 'shipped', { shipped_at: new Date('2025-11-20T00:00:00Z') }),
        row('new', 'shipped', { shipped_at: new Date('2026-04-03T00:00:00Z') }),
        row('no', 'declined'),
      ],
      themeIdsByItem: new Map([['a', ['t1', 'gone', 't2']]]),
      themeNumbers: new Map([
        ['t1', { title: 'Few', affectedDevelopers: 2 }],
        ['t2', { title: 'Many', affectedDevelopers: 9 }],
      ]),
      votes: new Map([['a', 4]]),
      updatedAt: null,
    });
    expect(board.lanes.map((lane) => [lane.label, lane.items.map((item) => item.id)])).toEqual([
      ['In progress', []],
      ['Planned', ['a', 'b']],
      ['Requested — not yet prioritized', []],
    ]);
    expect(board.lanes[1].items[0]).toEqual({
      id: 'a', title: 'A', lane: 'planned', targetQuarter: null, votes: 4, isVotable: true,
      themes: [{ title: 'Many', affectedDevelopers: 9 }, { title: 'Few', affectedDevelopers: 2 }],
    });
    expect(board.shipped.map((quarter) => [quarter.label, quarter.items.map((item) => item.id)])).toEqual([
      ['Q2 2026', ['new']],
      ['Q4 2025', ['old']],
    ]);
  });
});
