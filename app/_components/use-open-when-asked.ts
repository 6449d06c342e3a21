'use client';
// `?new=1` in the address (the command palette's "New interview", "Start shadowing") opens a page's
// form: on arrival, and again when the palette asks while the page is already open.
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';

export function useOpenWhenAsked(open: () => void): void {
  const isAsked = useSearchParams().get('new') === '1';
  const [wasAsked, setWasAsked] = useState(isAsked);
  if (isAsked !== wasAsked) {
    setWasAsked(isAsked);
    if (isAsked) open();
  }
}
