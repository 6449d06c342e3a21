'use client';
// The page's origin and hash, read from the browser without a render on the server that differs.
import { useSyncExternalStore } from 'react';

function subscribeToHash(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const never = () => () => undefined;

/** "https://frictionlog.example.com" in the browser; the fallback while rendering on the server. */
export function useOrigin(fallback = ''): string {
  return useSyncExternalStore(never, () => window.location.origin, () => fallback);
}

export function useHash(): string {
  return useSyncExternalStore(subscribeToHash, () => window.location.hash, () => '');
}
