'use client';
// A link that prefetches its page only when the user shows intent (pointer over it, keyboard
// focus on it, a finger on it), not when it scrolls into view: the sidebar's 18 links would
// otherwise start a server render of every workspace page on every page view.
import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  // Next.js 16's documented hover-triggered prefetch: `false` until intent, then the default.
  const [hasIntent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={hasIntent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
