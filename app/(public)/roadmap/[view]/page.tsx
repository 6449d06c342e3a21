// The public roadmap (/roadmap is rewritten here by next.config.js). Rendered once and served
// from Next.js's page cache: re-rendered in the background at most every 10 seconds, at once in
// the process that publishes, and never older than a minute (README, "Public roadmap cache").
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonClass } from '../../../_components/button';
import { formatDay, pluralise } from '../../_lib/format';
import { getPublicCaller } from '../../_lib/public-caller';
import { ItemCard } from '../../_components/item-card';
import { VotesProvider } from '../../_components/votes';

export const revalidate = 10;
export const dynamicParams = true;

/** Nothing is rendered at build time (there is no database then); the first visit renders and caches. */
export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { title: { absolute: 'Platform roadmap' }, alternates: { canonical: '/roadmap' } };

const LANE_INTROS: Record<string, string> = {
  in_progress: 'Being built now.',
  planned: 'Decided, next up.',
  requested: 'Asked for by developers; not prioritized yet. Your votes help.',
};

export default async function RoadmapPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== 'board') notFound();
  const board = await (await getPublicCaller()).roadmap.publicBoard();
  const itemIds = board.lanes.flatMap((lane) => lane.items.filter((item) => item.isVotable).map((item) => item.id));
  const total = board.lanes.reduce((sum, lane) => sum + lane.items.length, 0) + board.shipped.reduce((sum, quarter) => sum + quarter.items.length, 0);

  return (
    <VotesProvider itemIds={itemIds}>
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
        <>
          <div className="grid gap-6 md:grid-cols-3 print:grid-cols-1">
            {board.lanes.map((lane) => (
              <section key={lane.lane} aria-labelledby={`lane-${lane.lane}`} className="min-w-0">
                <h2 id={`lane-${lane.lane}`} className="text-lg font-semibold text-slate-900">
                  {lane.label} <span className="text-sm font-normal text-slate-600">({lane.items.length})</span>
                </h2>
                <p className="mb-3 text-sm text-slate-600">{LANE_INTROS[lane.lane]}</p>
                {lane.items.length === 0 ? (
                  <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">Nothing here right now.</p>
                ) : (
                  <ol className="flex flex-col gap-3">
                    {lane.items.map((card) => (
                      <ItemCard key={card.id} card={card} />
                    ))}
                  </ol>
                )}
              </section>
            ))}
          </div>

          <section aria-labelledby="shipped" className="mt-10">
            <h2 id="shipped" className="text-lg font-semibold text-slate-900">
              Shipped
            </h2>
            {board.shipped.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">Nothing shipped yet. Items land here, by quarter, when they are done.</p>
            ) : (
              board.shipped.map((quarter) => (
                <div key={quarter.quarter} className="mt-4">
                  <h3 className="text-base font-semibold text-slate-800">
                    {quarter.label} <span className="text-sm font-normal text-slate-600">({pluralise(quarter.items.length, 'item')})</span>
                  </h3>
                  <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
                    {quarter.items.map((item) => (
                      <li key={item.id} className="break-inside-avoid px-4 py-3">
                        <Link href={`/roadmap/items/${item.id}`} className="font-medium text-slate-900 hover:underline">
                          {item.title}
                        </Link>
                        {item.themes.length > 0 && (
                          <p className="mt-0.5 text-sm text-slate-600">
                            Answers “{item.themes[0].title}” ({pluralise(item.themes[0].affectedDevelopers, 'developer')})
                            {item.themes.length > 1 ? ` and ${pluralise(item.themes.length - 1, 'more pain')}` : ''}
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
        </>
      )}
    </VotesProvider>
  );
}
