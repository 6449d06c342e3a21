// Pages anyone opens without an account (survey forms). They import nothing of the workspace:
// no app shell, no session, only the shared UI kit and the server caller's public procedures.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
  // An invitation token in the address must not travel to other sites in a Referer header.
  referrer: 'no-referrer',
};

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-4 px-4 py-3">
          <p className="text-sm font-semibold text-slate-900">Frictionlog</p>
          <p className="text-right text-xs text-slate-600">Anonymous: no name, email or address is kept</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-6 sm:py-10">
        {children}
      </main>
    </div>
  );
}
