// Home: the weekly review. The discovery loop at a glance (what changed this week, the top pains,
// who has been heard, what is in progress, satisfaction and adoption), from one call; a new
// workspace also sees its first steps.
import type { Metadata } from 'next';
import { getServerCaller } from '@/app/_trpc/server';
import { PageHeader } from '@/app/_components/page-header';
import { formatWeek } from './_home/format';
import { GettingStarted } from './_home/getting-started';
import { AdoptionCard, DiscoveryCard, InProgressCard, SatisfactionCard, TopPainsCard } from './_home/review-cards';
import { WeeklyChanges } from './_home/weekly-changes';

export const metadata: Metadata = { title: 'Home' };

// Server components only: the caller's data becomes the page's HTML and no client component reads these queries,
// so there is nothing to hydrate (the weekly review is read-only; its links lead to the pages that change things).
export default async function HomePage() {
  const caller = await getServerCaller();
  const [me, review] = await Promise.all([caller.auth.me(), caller.home.weeklyReview()]);
  const isNewWorkspace = review.discovery.directorySize === 0 || review.discovery.interviewedDevelopers === 0;

  return (
    <>
      <PageHeader
        title={`Hello, ${me.name}`}
        eyebrow={`Weekly review · ${formatWeek(review.thisWeek)} (Monday to Sunday, UTC)`}
        description="Where developers lose time, whom you have heard from, and whether what the platform team ships makes it better."
      />
      <div className="flex flex-col gap-6">
        {isNewWorkspace && <GettingStarted review={review} />}
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading" className="mb-3 text-base font-semibold text-slate-900">
            What changed this week
          </h2>
          <WeeklyChanges changes={review.changes} />
        </section>
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <TopPainsCard topPains={review.topPains} />
          </div>
          <DiscoveryCard discovery={review.discovery} />
        </div>
        <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
          <InProgressCard items={review.inProgress} />
          <SatisfactionCard satisfaction={review.satisfaction} />
          <AdoptionCard adoption={review.adoption} />
        </div>
      </div>
    </>
  );
}
