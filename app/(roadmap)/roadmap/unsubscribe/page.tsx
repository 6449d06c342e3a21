// The unsubscribe page of request emails: no sign-in. The link's signed token is checked first;
// the developer then confirms with a plain form (mail clients open links on their own, so opening
// the page changes nothing). A forged, mangled or already used link is refused in words.
import type { Metadata } from 'next';
import Link from 'next/link';
import { TRPCError } from '@trpc/server';
import { buttonClass } from '@/app/_components/button';
import { getPublicCaller } from '@/app/(roadmap)/_lib/public-caller';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Stop roadmap emails', robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

async function problemOf(token: string): Promise<string | null> {
  try {
    await (await getPublicCaller()).requestEmails.checkUnsubscribe({ token });
    return null;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'BAD_REQUEST' || error.code === 'CONFLICT')) return error.message;
    throw error;
  }
}

export default async function UnsubscribePage({ searchParams }: Props) {
  // Another way on purpose: a public page rendered on the server from the public caller (checks the link's token); a plain form, no client queries.
  const { token = '', done } = await searchParams;
  if (done === '1') {
    return (
      <section className="max-w-2xl" aria-labelledby="title">
        <h1 id="title" className="text-2xl font-semibold text-slate-900">
          You are unsubscribed
        </h1>
        <p role="status" className="mt-2 text-slate-700">
          No more roadmap emails go to this address. Your requests and votes stay as they are.
        </p>
        <p className="mt-4">
          <Link href="/roadmap" className="text-brand-700 underline">
            Back to the platform roadmap
          </Link>
        </p>
      </section>
    );
  }
  const problem = token ? await problemOf(token) : 'This page needs the link from a roadmap email: open the link from the email again.';
  return (
    <section className="max-w-2xl" aria-labelledby="title">
      <h1 id="title" className="text-2xl font-semibold text-slate-900">
        Stop roadmap emails
      </h1>
      {problem ? (
        <p role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          {problem}
        </p>
      ) : (
        <form method="post" action="/roadmap/unsubscribe/confirm" className="mt-3 flex flex-col items-start gap-3">
          <p className="text-slate-700">
            You get an email when a request you asked for or voted for is accepted, merged, declined or shipped. Stop all of them for this address?
          </p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={buttonClass('primary')}>
            Unsubscribe
          </button>
        </form>
      )}
    </section>
  );
}
