// The public roadmap (/roadmap is rewritten here by next.config.js). Rendered once and served
// from Next.js's page cache: re-rendered in the background at most every 10 seconds, at once in
// the process that publishes, and never older than a minute (README, "Public roadmap cache").
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '../../../_components/button';
import { formatDay } from '../../_lib/format';
import { getPublicCaller } from '../../_lib/public-caller';
import { PublicBoard } from '../../_components/public-board';

export const revalidate = 10;
export const dynamicParams = true;

/** Nothing is rendered at build time (there is no database then); the first visit renders and caches. */
export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { title: { absolute: 'Platform roadmap' }, alternates: { canonical: '/roadmap' } };

export default async function RoadmapPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== 'board') notFound();
  const board = await (await getPublicCaller()).roadmap.publicBoard();
  const total = board.lanes.reduce((sum, lane) => sum + lane.items.length, 0) + board.shipped.reduce((sum, quarter) => sum + quarter.items.length, 0);

  return (
    <>
      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="max-w-3xl">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Platform roadmap</h1>
          <p className="mt-1 text-slate-600">
            What the platform team is building, what is planned and what developers asked for. Each item says which developer pain it answers, and
            how many developers have that pain.
          </p>
          <p className="mt-2 text-sm text-slate-600">{board.updatedAt ? `Last updated ${formatDay(board.updatedAt)}` : 'Not published yet'}</p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <Link href="/roadmap/requests/new" className={buttonClass('primary')}>
            Ask for something
          </Link>
        </div>
      </header>

      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
          <h2 className="text-base font-semibold text-slate-900">Nothing on the roadmap yet</h2>
          <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600">
            The platform team publishes what it works on here. You can already tell them what slows you down.
          </p>
          <Link href="/roadmap/requests/new" className={`${buttonClass('primary')} no-print mt-4`}>
            Ask for something
          </Link>
        </div>
      ) : (
        <PublicBoard board={{ lanes: board.lanes, shipped: board.shipped }} />
      )}
    </>
  );
}
