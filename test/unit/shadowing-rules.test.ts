import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatOffset, FRICTION_KEYS, offsetProblem, parseOffset, parseShadowingAnchor, totalsByKind } from '@/server/shadowing/rules';

const start = new Date('2026-03-02T10:00:00Z');
const minutes = (count: number) => new Date(start.getTime() + count * 60_000);

describe('offsets', () => {
  it('formats and parses times on the session clock', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(75)).toBe('1:15');
    expect(formatOffset(3725)).toBe('1:02:05');
    expect(parseOffset('1:15')).toBe(75);
    expect(parseOffset('1:02:05')).toBe(3725);
    expect(parseOffset('90')).toBe(90);
    expect(parseOffset('1:75')).toBeNull();
    expect(parseOffset('1:60:00')).toBeNull();
    expect(parseOffset('soon')).toBeNull();
  });

  it('measures a running session to now and an ended one to its end', () => {
    expect(elapsedSeconds({ startedAt: null, endedAt: null })).toBeNull();
    expect(elapsedSeconds({ startedAt: start, endedAt: minutes(20) }, minutes(90))).toBe(1200);
    expect(elapsedSeconds({ startedAt: start, endedAt: null }, minutes(5))).toBe(300);
  });

  it('refuses offsets before the start, past the end, or later than now', () => {
    expect(offsetProblem(10, { startedAt: null, endedAt: null })).toMatch(/has not started/);
    expect(offsetProblem(1200, { startedAt: start, endedAt: minutes(20) }, minutes(90))).toBeNull();
    expect(offsetProblem(1201, { startedAt: start, endedAt: minutes(20) }, minutes(90))).toBe('The offset 20:01 is after the session ended (at 20:00).');
    expect(offsetProblem(300 + 120, { startedAt: start, endedAt: null }, minutes(5))).toBeNull();
    expect(offsetProblem(300 + 121, { startedAt: start, endedAt: null }, minutes(5))).toMatch(/later than now/);
  });
});

describe('friction kinds', () => {
  it('captures each kind with one digit key', () => {
    expect(FRICTION_KEYS['1']).toBe('tab-switch');
    expect(FRICTION_KEYS['5']).toBe('dead-end');
    expect(FRICTION_KEYS['7']).toBe('other');
    expect(FRICTION_KEYS['8']).toBeUndefined();
  });

  it('totals events and minutes per kind in a fixed order', () => {
    expect(
      totalsByKind([
        { kind: 'waiting', minutesLost: 40 },
        { kind: 'tab-switch', minutesLost: null },
        { kind: 'waiting', minutesLost: 12.5 },
      ]),
    ).toEqual([
      { kind: 'tab-switch', label: 'Tab switch', count: 1, minutesLost: 0 },
      { kind: 'waiting', label: 'Waiting', count: 2, minutesLost: 52.5 },
    ]);
  });

  it('reads spots in a session', () => {
    expect(parseShadowingAnchor('notes')).toBe('notes');
    expect(parseShadowingAnchor('event-1B4E28BA-2FA1-11D2-883F-0016D3CCA427')).toEqual({ eventId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' });
    expect(parseShadowingAnchor('event-x')).toBeNull();
  });
});
