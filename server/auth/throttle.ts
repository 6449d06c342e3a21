// How long a sign-in must wait after repeated failures. Pure: counts and times in, seconds out.
// The first few failures cost nothing; after that each one doubles the wait, up to a cap.

export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const FREE_FAILURES_PER_ACCOUNT = 5;
// One office behind one address shares a client key, so the client allowance is larger.
export const FREE_FAILURES_PER_CLIENT = 20;
const MAX_WAIT_SECONDS = 15 * 60;

export interface FailureHistory {
  failures: number;
  lastFailureAt: Date | null;
}

export function signInWaitSeconds(history: FailureHistory, freeFailures: number, now: Date): number {
  if (!history.lastFailureAt || history.failures < freeFailures) return 0;
  const penalty = Math.min(MAX_WAIT_SECONDS, 2 ** (history.failures - freeFailures + 1));
  const elapsed = (now.getTime() - history.lastFailureAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(penalty - elapsed));
}
