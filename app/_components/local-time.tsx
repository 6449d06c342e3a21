'use client';
// A moment (day and time) in the reader's own time zone. The server does not know that zone, so
// the server's HTML and the browser's hydration both write it in UTC, named, and the browser
// switches to local time right after: the two renders agree (a prefetched list would otherwise
// meet React #418 wherever the reader's zone is not the server's). Days alone use format.ts.
import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

export function LocalTime({ value, options }: { value: Date; options: Intl.DateTimeFormatOptions }) {
  const isLive = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  return <>{isLive ? value.toLocaleString('en-GB', options) : `${value.toLocaleString('en-GB', { ...options, timeZone: 'UTC' })} UTC`}</>;
}
