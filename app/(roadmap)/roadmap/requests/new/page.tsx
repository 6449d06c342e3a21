// Ask the platform team for something. Similar items and requests appear while the title is
// typed, so a developer can vote for an existing one instead of filing a duplicate.
import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestForm } from './request-form';

export const metadata: Metadata = { title: 'Ask for something' };

export default function NewRequestPage() {
  // Another way on purpose: a static public page (no session, no workspace code); the form's board choices and similar requests load in the browser.
  return (
    <div className="max-w-2xl">
      <p className="no-print mb-4 text-sm">
        <Link href="/roadmap" className="text-brand-700 hover:underline">
          ← Platform roadmap
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Ask the platform team for something</h1>
      <p className="mt-1 text-slate-600">
        Tell us what slows you down or what you need. Your request gets its own public page, where you will see what the team decides.
      </p>
      <noscript>
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">Sending a request needs JavaScript; everything else on the roadmap works without it.</p>
      </noscript>
      <RequestForm />
    </div>
  );
}
