// A breakdown of the start-up path for the cold-start benchmark: with FRICTIONLOG_STARTUP_TIMES=1
// each step prints the milliseconds since the process started (performance.now()'s origin).
import { getEnv } from './env';

export function startupMark(step: string): void {
  if (getEnv().FRICTIONLOG_STARTUP_TIMES) console.log(`Frictionlog startup: ${step} at ${Math.round(performance.now())} ms`);
}
