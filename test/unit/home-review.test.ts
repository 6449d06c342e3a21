// The weekly review's rules: UTC week bounds, the ticket spike, the adoption target and the
// satisfaction score with its band, on hand-worked cases.
import { describe, expect, it } from 'vitest';
import { adoptionStatus, periodDays, reviewWeeks, satisfactionOf, ticketWeek } from '@/server/home/review-rules';

const iso = (date: Date) => date.toISOString();

describe('reviewWeeks', () => {
  it('runs Monday 00:00 to Monday 00:00 in UTC', () => {
    // Thursday 12 March 2026.
    const weeks = reviewWeeks(new Date('2026-03-12T15:30:00Z'));
    expect(iso(weeks.thisWeek.start)).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(weeks.thisWeek.end)).toBe('2026-03-16T00:00:00.000Z');
    expect(iso(weeks.lastWeek.start)).toBe('2026-03-02T00:00:00.000Z');
    expect(iso(weeks.lastWeek.end)).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(weeks.weekBefore.start)).toBe('2026-02-23T00:00:00.000Z');
    expect(iso(weeks.ticketBaseline.start)).toBe('2026-01-12T00:00:00.000Z');
    expect(iso(weeks.ticketBaseline.end)).toBe('2026-03-09T00:00:00.000Z');
  });

  it('puts Monday midnight in the new week and Sunday night in the old one', () => {
    expect(iso(reviewWeeks(new Date('2026-03-09T00:00:00Z')).thisWeek.start)).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(reviewWeeks(new Date('2026-03-08T23:59:59Z')).thisWeek.start)).toBe('2026-03-02T00:00:00.000Z');
  });

  it('uses UTC whatever the offset the time was written with, and crosses a year', () => {
    // 00:30 on Monday in Berlin is still Sunday in UTC.
    expect(iso(reviewWeeks(new Date('2026-03-09T00:30:00+01:00')).thisWeek.start)).toBe('2026-03-02T00:00:00.000Z');
    // Thursday 1 January 2026 belongs to the week of Monday 29 December 2025.
    const weeks = reviewWeeks(new Date('2026-01-01T10:00:00Z'));
    expect(iso(weeks.thisWeek.start)).toBe('2025-12-29T00:00:00.000Z');
    expect(periodDays(weeks.lastWeek)).toEqual({ from: '2025-12-22', to: '2025-12-29' });
  });
});

describe('ticketWeek', () => {
  it('flags a week with at least 1.5 times the average and at least 5 more', () => {
    // 32 tickets over 8 weeks = 4 a week; 9 is 2.25x and 5 more.
    expect(ticketWeek({ thisWeek: 9, baseline: 32 })).toEqual({ thisWeek: 9, weeklyAverage: 4, isSpike: true });
    // 8 is twice the average but only 4 more.
    expect(ticketWeek({ thisWeek: 8, baseline: 32 }).isSpike).toBe(false);
  });

  it('needs the ratio too when the average is large', () => {
    // 20 a week; 29 is 9 more but only 1.45x.
    expect(ticketWeek({ thisWeek: 29, baseline: 160 }).isSpike).toBe(false);
    expect(ticketWeek({ thisWeek: 30, baseline: 160 }).isSpike).toBe(true);
  });

  it('handles empty weeks', () => {
    expect(ticketWeek({ thisWeek: 0, baseline: 0 })).toEqual({ thisWeek: 0, weeklyAverage: 0, isSpike: false });
    expect(ticketWeek({ thisWeek: 4, baseline: 0 }).isSpike).toBe(false);
    expect(ticketWeek({ thisWeek: 5, baseline: 0 }).isSpike).toBe(true);
    expect(ticketWeek({ thisWeek: 0, baseline: 40 })).toEqual({ thisWeek: 0, weeklyAverage: 5, isSpike: false });
  });

  it('rounds the average for reading, not for the rule', () => {
    // 10 over 8 weeks = 1.25 a week, shown as 1.3; 6 is 4.75 more, so no spike.
    expect(ticketWeek({ thisWeek: 6, baseline: 10 })).toEqual({ thisWeek: 6, weeklyAverage: 1.3, isSpike: false });
  });
});

describe('adoptionStatus', () => {
  it('reads a share against the 60-80% year-one target', () => {
    expect(adoptionStatus(null)).toBeNull();
    expect(adoptionStatus(0)).toBe('below');
    expect(adoptionStatus(0.599)).toBe('below');
    expect(adoptionStatus(0.6)).toBe('within');
    expect(adoptionStatus(0.8)).toBe('within');
    expect(adoptionStatus(0.81)).toBe('above');
  });
});

describe('satisfactionOf', () => {
  const point = (surveyId: string, quarter: string, mean: number | null, answerCount = mean === null ? 0 : 10) => ({ surveyId, quarter, mean, answerCount });

  it('gives the run its band and the previous run with answers', () => {
    const points = [point('a', '2025-Q3', 6.2), point('b', '2025-Q4', null), point('c', '2026-Q1', 7.8, 12)];
    expect(satisfactionOf(points, 'c')).toEqual({ mean: 7.8, band: 'healthy', answerCount: 12, previous: { quarter: '2025-Q3', mean: 6.2 } });
    expect(satisfactionOf(points, 'a')).toEqual({ mean: 6.2, band: 'warning', answerCount: 10, previous: null });
  });

  it('uses the bands of the survey results page: healthy above 7.5, warning below 6.5', () => {
    const bandOf = (mean: number) => satisfactionOf([point('x', '2026-Q1', mean)], 'x')!.band;
    expect(bandOf(7.51)).toBe('healthy');
    expect(bandOf(7.5)).toBe('watch');
    expect(bandOf(6.5)).toBe('watch');
    expect(bandOf(6.49)).toBe('warning');
  });

  it('is null for a run without answers or one not in the series', () => {
    expect(satisfactionOf([point('x', '2026-Q1', null)], 'x')).toBeNull();
    expect(satisfactionOf([], 'x')).toBeNull();
  });
});
