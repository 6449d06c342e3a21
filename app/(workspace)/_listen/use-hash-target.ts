'use client';
// Opening a link like /interviews/<id>#q-2 scrolls to that spot once the page's data is there and
// marks it, so evidence and search results land on the exact words they came from.
import { useEffect, useState } from 'react';

export function useHashTarget(isReady: boolean): string | null {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!isReady) return;
    const go = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      const element = document.getElementById(id);
      if (!element) return;
      setTarget(id);
      element.scrollIntoView({ block: 'start' });
    };
    go();
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, [isReady]);
  return target;
}

/** Classes of a spot that a link pointed at. */
export const TARGET_CLASS = 'ring-2 ring-amber-400 bg-amber-50';
