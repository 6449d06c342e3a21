// The centred card that the sign-in and first-run pages share.
import type { ReactNode } from 'react';

export function AuthCard({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-xl font-semibold text-slate-900">Frictionlog</p>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          <div className="mt-1 text-sm text-slate-600">{description}</div>
          <div className="mt-6">{children}</div>
        </div>
      </div>
    </main>
  );
}
