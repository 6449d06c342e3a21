// The pain inventory behind a read-only share link: no sign-in, no developer names (quotes are
// attributed by background, tenure and team), no links into the workspace. A revoked or
// malformed link is a 404 with no data.
import { formatLongDay } from '@/app/_components/format';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { AppError } from '@/server/errors';
import { InventoryTable, MvpFocusPanel } from '@/app/_components/inventory-table';
import { PrintButton } from '@/app/_components/print-button';
import { toChartTheme } from '@/app/_components/chart-themes';
import { QuadrantChart } from '@/app/_components/quadrant-chart';
import { getServerCaller } from '@/app/_trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Pain inventory (shared)', robots: { index: false, follow: false }, referrer: 'no-referrer' };

function retryAfterOf(error: TRPCError): number {
  const details = error.cause instanceof AppError ? error.cause.details : undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
}

export default async function SharedInventoryPage({ params }: { params: Promise<{ token: string }> }) {
  // Another way on purpose: a server-only page from getServerCaller (no client view to hydrate) that redirects to a 429 when rate-limited.
  const { token } = await params;
  let shared;
  try {
    shared = await (await getServerCaller()).sharedInventory.view({ token });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    // A page cannot answer 429 itself: the route it redirects to does, with Retry-After.
    if (error instanceof TRPCError && error.code === 'TOO_MANY_REQUESTS') redirect(`/share/too-many-requests?retryAfter=${retryAfterOf(error)}`);
    throw error;
  }
  const { inventory } = shared;
  const focus = inventory.themes.filter((theme) => theme.isMvpFocus);
  const generated = formatLongDay(inventory.generatedAt);

  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-8">
          <p className="font-semibold text-slate-900">Frictionlog</p>
          <p className="text-sm text-slate-600">Read-only link</p>
        </div>
      </header>
      <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-8 sm:py-8">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <p className="text-sm text-slate-600">Shared for {shared.label}</p>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Pain inventory</h1>
            <p className="mt-1 max-w-3xl text-slate-700">
              Developer pains ranked by developer-hours lost per month. {inventory.filterLabel} · {inventory.directorySize} developers in the
              directory · as of {generated}.
            </p>
          </div>
          <div className="no-print">
            <PrintButton />
          </div>
        </div>

        {inventory.themes.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">
            No pain theme has evidence in this view yet.
          </p>
        ) : (
          <>
            <MvpFocusPanel themes={focus} />
            <section aria-labelledby="chart" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 id="chart" className="mb-2 text-base font-semibold text-slate-900">
                Frequency × severity
              </h2>
              <QuadrantChart caption="Affected developers against hours lost per affected developer per month; each point is a theme, numbered by rank." splits={inventory.splits} themes={inventory.themes.map(toChartTheme)} />
            </section>
            <section aria-labelledby="ranking">
              <h2 id="ranking" className="mb-2 text-base font-semibold text-slate-900">
                Ranking
              </h2>
              <InventoryTable themes={inventory.themes} caption="Pain themes ranked by developer-hours lost per month" />
            </section>
          </>
        )}
        <section aria-labelledby="how" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <h2 id="how" className="font-semibold text-slate-900">
            How to read these numbers
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>Affected developers: distinct developers among a theme’s evidence. Mentions without a developer are shown beside, never added in.</li>
            <li>Reach: affected developers as a share of the developers in the directory.</li>
            <li>
              Hours lost per affected developer per month: for each developer, the time lost per occurrence times occurrences per month, summed
              over their evidence; the median across developers.
            </li>
            <li>Score: affected developers × hours lost per affected developer = developer-hours lost per month.</li>
            <li>Confidence: the kinds of source behind a theme (interviews, shadowing, tickets, …); a single source is flagged.</li>
            <li>Quotes are attributed by background, tenure and team; developer names are not shared.</li>
          </ul>
        </section>
      </main>
    </div>
  );
}
