import { describe, expect, it } from 'vitest';
import { signInWaitSeconds } from '@/server/auth/throttle';

const now = new Date('2026-01-01T12:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('signInWaitSeconds', () => {
  it('lets the first failures through', () => {
    expect(signInWaitSeconds({ failures: 4, lastFailureAt: secondsAgo(0) }, 5, now)).toBe(0);
  });

  it('doubles the wait with each failure past the allowance, up to 15 minutes', () => {
    expect(signInWaitSeconds({ failures: 5, lastFailureAt: secondsAgo(0) }, 5, now)).toBe(2);
    expect(signInWaitSeconds({ failures: 6, lastFailureAt: secondsAgo(0) }, 5, now)).toBe(4);
    expect(signInWaitSeconds({ failures: 10, lastFailureAt: secondsAgo(0) }, 5, now)).toBe(64);
    expect(signInWaitSeconds({ failures: 50, lastFailureAt: secondsAgo(0) }, 5, now)).toBe(900);
  });

  it('counts down from the last failure', () => {
    expect(signInWaitSeconds({ failures: 10, lastFailureAt: secondsAgo(60) }, 5, now)).toBe(4);
    expect(signInWaitSeconds({ failures: 10, lastFailureAt: secondsAgo(65) }, 5, now)).toBe(0);
  });
});
