// Support load, ship markers and before/after windows on hand-computed cases.
import { describe, expect, it } from 'vitest';
import { dashboardWindow } from '@/server/metrics/definitions';
import {
  compareCounts,
  compareMeans,
  impactWindows,
  markersFor,
  OTHER_CATEGORIES,
  repeatQuestionShare,
  selfServiceSeries,
  selfServiceTotal,
  weeklyByCategory,
} from '@/server/metrics/outcome-definitions';

describe('self-service ratio', () => {
  it('is tasks done without a person over those plus tasks that waited for approval plus manual-work tickets', () => {
    const series = selfServiceSeries({
      weeks: ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
      tasks: new Map([
        ['2026-11-02', { selfService: 6, manual: 2 }],
        ['2026-11-16', { selfService: 0, manual: 1 }],
      ]),
      manualWorkTickets: new Map([
        ['2026-11-02', 2],
        ['2026-11-16', 3],
        ['2026-11-23', 5],
      ]),
    });
    // 6 / (6 + 2 + 2); a week without task events is not measured, even with tickets (not 0%).
    expect(series.map((point) => point.ratio)).toEqual([0.6, null, 0, null]);
    expect(selfServiceTotal(series)).toEqual({ selfServiceTasks: 6, manualTasks: 3, manualWorkTickets: 5, measuredWeeks: 2, ratio: 6 / 14 });
  });

  it('reads "not measured yet" (null) without task events, never a stand-in from tickets or deployments', () => {
    const series = selfServiceSeries({ weeks: ['2026-11-02'], tasks: new Map(), manualWorkTickets: new Map([['2026-11-02', 4]]) });
    expect(series[0].ratio).toBeNull();
    expect(selfServiceTotal(series)).toMatchObject({ measuredWeeks: 0, ratio: null });
  });
});

describe('repeat-question share', () => {
  it('counts each ticket once, even in two clusters, and has no share without tickets', () => {
    expect(repeatQuestionShare({ tickets: 10, clusters: [{ ticketIds: ['a', 'b', 'c'] }, { ticketIds: ['c', 'd'] }] })).toEqual({
      tickets: 10,
      repeatTickets: 4,
      clusters: 2,
      share: 0.4,
    });
    expect(repeatQuestionShare({ tickets: 0, clusters: [] }).share).toBeNull();
  });
});

describe('tickets per week by category', () => {
  it('keeps every week, sums the categories not drawn into one', () => {
    const rows = [
      { week: '2026-11-02', category: 'CI', ticketCount: 2 },
      { week: '2026-11-02', category: 'Access', ticketCount: 1 },
      { week: '2026-11-02', category: 'DNS', ticketCount: 4 },
    ];
    expect(weeklyByCategory({ weeks: ['2026-11-02', '2026-11-09'], rows, categories: ['CI'] })).toEqual([
      { week: '2026-11-02', total: 7, counts: { CI: 2, [OTHER_CATEGORIES]: 5 } },
      { week: '2026-11-09', total: 0, counts: { CI: 0 } },
    ]);
  });
});

describe('ship markers', () => {
  const items = [
    { id: 'a', title: 'Golden path', shippedAt: new Date('2026-11-08T23:30:00Z') }, // a Sunday
    { id: 'b', title: 'Old thing', shippedAt: new Date('2025-01-10T10:00:00Z') },
  ];
  it('places an item on the UTC week or quarter it shipped in, and leaves out items outside the chart', () => {
    expect(markersFor(items, ['2026-11-02', '2026-11-09'], 'week')).toEqual([{ at: '2026-11-02', itemId: 'a', label: 'Golden path' }]);
    expect(markersFor(items, ['2026-Q3', '2026-Q4'], 'quarter')).toEqual([{ at: '2026-Q4', itemId: 'a', label: 'Golden path' }]);
    expect(markersFor([], ['2026-Q4'], 'quarter')).toEqual([]);
  });
});

describe('dashboard window', () => {
  it('starts at the first day of the quarter N-1 quarters back', () => {
    expect(dashboardWindow(4, new Date('2026-11-26T12:00:00Z'))).toEqual({ from: new Date('2026-01-01Z'), to: new Date('2027-01-01Z') });
    expect(dashboardWindow(1, new Date('2026-01-01T00:00:00Z')).from).toEqual(new Date('2026-01-01Z'));
  });
});

describe('before and after', () => {
  it('uses N whole weeks before the ship day and clips the after-window at now', () => {
    const windows = impactWindows(new Date('2026-11-05T15:00:00Z'), 4, new Date('2026-11-19T15:00:00Z'));
    expect(windows.before).toEqual({ from: new Date('2026-10-08Z'), to: new Date('2026-11-05Z'), weeks: 4 });
    expect(windows.after.from).toEqual(new Date('2026-11-05Z'));
    expect(windows.after.to).toEqual(new Date('2026-11-19T15:00:00Z'));
    expect(windows.after.weeks).toBeCloseTo(2 + 15 / 24 / 7, 6);
    expect(windows.isAfterComplete).toBe(false);
    expect(impactWindows(new Date('2026-01-05Z'), 4, new Date('2026-11-19Z')).isAfterComplete).toBe(true);
  });

  it('compares rates per week, so a half-elapsed after-window is fair', () => {
    const windows = impactWindows(new Date('2026-11-05Z'), 4, new Date('2026-11-19Z')); // 2 weeks after so far
    expect(compareCounts(8, 2, windows)).toEqual({ before: 8, after: 2, beforePerWeek: 2, afterPerWeek: 1, change: -0.5 });
    expect(compareCounts(0, 3, windows).change).toBeNull(); // nothing before: no percentage
  });

  it('has no after rate on the ship day itself', () => {
    const windows = impactWindows(new Date('2026-11-19T08:00:00Z'), 4, new Date('2026-11-19T09:00:00Z'));
    expect(compareCounts(4, 1, windows).afterPerWeek).toBeNull();
    expect(windows.after.weeks).toBeGreaterThanOrEqual(0);
  });

  it('compares mean ratings in points', () => {
    expect(compareMeans({ sum: 12, count: 4 }, { sum: 16, count: 4 })).toEqual({ before: { mean: 3, count: 4 }, after: { mean: 4, count: 4 }, change: 1 });
    expect(compareMeans({ sum: 0, count: 0 }, { sum: 5, count: 1 }).change).toBeNull();
  });
});
