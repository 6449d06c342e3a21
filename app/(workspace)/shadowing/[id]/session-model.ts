// What the shadowing session's panels share: the session as the server returns it, an event row
// (saved, or waiting in the outbox), the key that captures each kind, and a ticking clock.
import { useEffect, useState } from 'react';
import type { RouterOutputs } from '@/server/root';
import { FRICTION_KEYS, type FrictionKind } from '@/server/shadowing/rules';

export type Session = RouterOutputs['shadowing']['get'];
export type EventRow = { id: string; offsetSeconds: number; kind: FrictionKind; note: string; minutesLost: number | null; isPending?: boolean };

export const KEY_OF_KIND = Object.fromEntries(Object.entries(FRICTION_KEYS).map(([key, kind]) => [kind, key])) as Record<FrictionKind, string>;

export function useClock(isRunning: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [isRunning]);
  return now;
}
