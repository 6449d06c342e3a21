'use client';
// The lanes and the shipped changelog of the public roadmap. A client component on purpose: the
// page then carries the board once as data (which hydrates it) instead of twice as markup, which
// halves what every visit downloads. It still renders on the server, readable without JavaScript.
import Link from 'next/link';
import { pluralise } from '../_lib/format';
import { ItemCard, type CardData } from './item-card';
import { VotesProvider } from './votes';

export interface BoardData {
  lanes: { lane: string; label: string; items: (CardData & { lane: string })[] }[];
  shipped: { quarter: string; label: string; items: CardData[] }[];
}

const LANE_INTROS: Record<string, string> = {
  in_progress: 'Being built now.',
  planned: 'Decided, next up.',
  requested: 'Asked for by developers; not prioritized yet. Your votes help.',
};

export function PublicBoard({ board }: { board: BoardData }) {
  const itemIds = board.lanes.flatMap((lane) => lane.items.filter((item) => item.isVotable).map((item) => item.id));
  return (
    <VotesProvider itemIds={itemIds}>
      <div className="grid gap-6 md:grid-cols-3 print:grid-cols-1">
        {board.lanes.map((lane) => (
          <section key={lane.lane} aria-labelledby={`lane-${lane.lane}`} className="min-w-0">
            <h2 id={`lane-${lane.lane}`} className="text-lg font-semibold text-slate-900">
              {lane.label} <span className="text-sm font-normal text-slate-600">{`(${lane.items.length})`}</span>
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
                {quarter.label} <span className="text-sm font-normal text-slate-600">{`(${pluralise(quarter.items.length, 'item')})`}</span>
              </h3>
              <ul className="rm-shipped mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
                {quarter.items.map((item) => (
                  <li key={item.id}>
                    <Link href={`/roadmap/items/${item.id}`}>{item.title}</Link>
                    {item.themes.length > 0 && (
                      <p>
                        {`Answers “${item.themes[0].title}” (${pluralise(item.themes[0].affectedDevelopers, 'developer')})${
                          item.themes.length > 1 ? ` and ${pluralise(item.themes.length - 1, 'more pain')}` : ''
                        }`}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
    </VotesProvider>
  );
}
