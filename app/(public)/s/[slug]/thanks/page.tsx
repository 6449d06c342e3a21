// The thank-you page after answering a survey.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { getServerCaller } from '@/app/_trpc/server';
import { PublicCard } from '@/app/(public)/_components/public-card';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Thank you' };

export default async function ThanksPage({ params }: { params: Promise<{ slug: string }> }) {
  // Another way on purpose: a public page rendered on the server from getServerCaller (notFound from the caller), with no client queries.
  const { slug } = await params;
  const form = await (await getServerCaller()).surveys.publicForm({ slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  return (
    <PublicCard title="Thank you: your answers are in">
      <p>Your answers to “{form.title}” were recorded anonymously: no name, email or address is kept, only the day.</p>
      <p className="mt-3">The platform team reads every answer, and the results help decide what to fix next. You can close this page.</p>
    </PublicCard>
  );
}
