'use client';
// The thank-you on a request's page, shown once right after it was sent: the form leaves a note
// in this tab's session storage and the page takes it away, so the page's address stays the
// request's own and reopening it later does not thank the developer again.
import { useEffect, useState } from 'react';

const KEY = 'frictionlog:new-request';

/** Called by the form when the request is in, before going to its page. */
export function rememberNewRequest(id: string): void {
  try {
    sessionStorage.setItem(KEY, id);
  } catch (error) {
    // Storage can be off (private mode, policies): the page then simply shows no thank-you.
    console.warn('Could not remember the new request', error);
  }
}

export function NewRequestThanks({ id }: { id: string }) {
  const [isNew, setIsNew] = useState(false);
  useEffect(() => {
    try {
      if (sessionStorage.getItem(KEY) !== id) return;
      sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    // A one-time note in this tab's storage, read after hydration: the server cannot know it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setIsNew(true);
  }, [id]);
  if (!isNew) return null;
  return (
    <div role="status" className="mb-6 rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-900">
      <p className="font-medium">Thank you: your request is in, with your vote.</p>
      <p className="mt-1">This page’s address is your request’s: keep it to see what the platform team decides.</p>
    </div>
  );
}
