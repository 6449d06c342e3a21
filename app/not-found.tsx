import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-start justify-center gap-3 px-6">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">This page does not exist</h1>
      <p className="text-slate-600">The link may be old, or the item behind it was removed or is no longer shared.</p>
      <Link href="/" className="font-medium text-brand-700 underline underline-offset-2">
        Go to Frictionlog
      </Link>
    </main>
  );
}
