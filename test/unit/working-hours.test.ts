import { describe, expect, it } from 'vitest';
import { describeWait, workingMinutesOfWait } from '@/server/tickets/working-hours';

// 2026-11-30 is a Monday.
const at = (iso: string) => new Date(`${iso}Z`);

describe('workingMinutesOfWait', () => {
  it('counts DESIGN.md’s example: a ticket open Monday to Wednesday is 3 x 8 h = 1,440 minutes', () => {
    expect(workingMinutesOfWait(at('2026-11-30T00:00:00'), at('2026-12-03T00:00:00'))).toBe(1440);
    expect(workingMinutesOfWait(at('2026-11-30T09:00:00'), at('2026-12-02T17:00:00'))).toBe(1440);
  });

  it('counts at most 8 hours a day, and what is open of a shorter day', () => {
    expect(workingMinutesOfWait(at('2026-11-30T09:00:00'), at('2026-11-30T11:30:00'))).toBe(150);
    expect(workingMinutesOfWait(at('2026-11-30T20:00:00'), at('2026-12-01T02:00:00'))).toBe(360); // 4 h Monday + 2 h Tuesday
  });

  it('counts nothing on weekends', () => {
    expect(workingMinutesOfWait(at('2026-12-05T08:00:00'), at('2026-12-06T20:00:00'))).toBe(0); // Saturday to Sunday
    expect(workingMinutesOfWait(at('2026-12-04T17:00:00'), at('2026-12-07T10:00:00'))).toBe(420 + 480); // Friday 7 h, Monday 8 h
  });

  it('runs to now while the ticket is open, and is capped at a month of minutes', () => {
    expect(workingMinutesOfWait(at('2026-11-30T00:00:00'), null, at('2026-12-01T00:00:00'))).toBe(480);
    expect(workingMinutesOfWait(at('2025-01-01T00:00:00'), at('2026-12-01T00:00:00'))).toBe(43_200);
    expect(workingMinutesOfWait(at('2026-12-01T00:00:00'), at('2026-11-30T00:00:00'))).toBe(0);
  });
});

describe('describeWait', () => {
  it('says the wait in words', () => {
    expect([describeWait(20), describeWait(60), describeWait(300), describeWait(3 * 1440), describeWait(1440)]).toEqual([
      'waited 20 minutes',
      'waited 1 hour',
      'waited 5 hours',
      'waited 3 days',
      'waited 1 day',
    ]);
  });
});
