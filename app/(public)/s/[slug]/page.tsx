// The public form of a survey: /s/<slug>, or /s/<slug>?i=<invitation> for a single-use link.
// Says so when the survey is not open yet, closed, or the invitation is not one of this survey's
// (a used invitation opens the form like an unused one: only sending says it was used).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { getServerCaller } from '@/app/_trpc/server';
import { formatLongDay } from '@/app/_components/format';
import { PublicCard } from '@/app/(public)/_components/public-card';
import { AlreadyAnswered, SurveyForm } from '@/app/(public)/_components/survey-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Survey' };

async function loadForm(slug: string, invitation: string | null) {
  try {
    return await (await getServerCaller()).surveys.publicForm({ slug, invitation });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

export default async function SurveyPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Another way on purpose: a public page rendered on the server from getServerCaller (notFound from the caller); its form reads no query.
  const { slug } = await params;
  const { i } = await searchParams;
  const invitation = typeof i === 'string' && i !== '' ? i : null;
  const form = await loadForm(slug, invitation);

  switch (form.state) {
    case 'scheduled':
      return (
        <PublicCard title={form.title}>
          <p>This survey is not open yet: it opens on {formatLongDay(form.opensOn)}. Come back then; this same link will work.</p>
        </PublicCard>
      );
    case 'closed':
      return (
        <PublicCard title={form.title}>
          <p>This survey is closed and no longer takes answers. Thank you for wanting to help.</p>
        </PublicCard>
      );
    case 'invitation-required':
      return (
        <PublicCard title={form.title}>
          <p>This survey is by invitation. Open the personal link from your invitation; each link answers once, and your answer is not linked to you.</p>
        </PublicCard>
      );
    case 'already-answered':
      return (
        <PublicCard title={form.title}>
          <AlreadyAnswered />
        </PublicCard>
      );
    case 'invitation-invalid':
      return (
        <PublicCard title={form.title}>
          <p>This invitation link is not valid for this survey. Open the link exactly as you received it, all of it.</p>
        </PublicCard>
      );
    default:
      return (
        <PublicCard title={form.title}>
          {form.intro && <p className="whitespace-pre-line">{form.intro}</p>}
          <p className="mt-2 text-sm text-slate-600">
            Open until {formatLongDay(form.closesOn)}. Questions marked <span className="text-red-700">*</span> need an answer.
          </p>
          <div className="mt-6">
            <SurveyForm slug={slug} invitation={invitation} survey={form} />
          </div>
        </PublicCard>
      );
  }
}
