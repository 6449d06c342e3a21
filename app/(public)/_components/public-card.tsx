// The card a public page shows its content in: a survey's form, its closed or thank-you message.
import type { ReactNode } from 'react';

export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{title}</h1>
      <div className="mt-3 text-slate-700">{children}</div>
    </section>
  );
}

