// The public roadmap's own small frame (no sign-in, no workspace code): the roadmap, item and
// request pages. Readable without JavaScript, on a phone, and on paper.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './public.css';

export const metadata: Metadata = {
  title: { default: 'Platform roadmap', template: '%s · Platform roadmap' },
  description: 'What the platform team is working on, what is planned, what developers asked for, and what shipped.',
  alternates: { types: { 'application/atom+xml': [{ url: '/roadmap/feed.xml', title: 'Platform roadmap changes' }] } },
};

export default function PublicRoadmapLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/roadmap" className="text-lg font-semibold text-slate-900">
            Platform roadmap
          </Link>
          <nav aria-label="Roadmap" className="no-print">
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <li>
                <Link href="/roadmap" className="text-slate-700 hover:text-slate-900 hover:underline">
                  Roadmap
                </Link>
              </li>
              <li>
                <Link href="/roadmap/requests/new" className="text-slate-700 hover:text-slate-900 hover:underline">
                  Ask for something
                </Link>
              </li>
              <li>
                <a href="/roadmap/feed.xml" className="text-slate-700 hover:text-slate-900 hover:underline">
                  Follow changes (Atom)
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-6xl px-4 py-4 text-xs text-slate-600 sm:px-6">
          Published by the platform team with Frictionlog. Votes are anonymous; an email you give is never shown.
        </p>
      </footer>
    </div>
  );
}
