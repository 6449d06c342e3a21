// A public roadmap item: what it is, why it is on the roadmap, its votes and its history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { Markdown } from '@/app/_components/markdown';
import { LANE_LABELS, LANE_SHORT_LABELS, quarterLabel } from '@/server/roadmap/lanes';
import { formatDay } from '@/app/_components/format';
import { pluralise } from '@/app/(roadmap)/_lib/format';
import { getPublicCaller, orNotFound } from '@/app/(roadmap)/_lib/public-caller';
import { WhyList } from '@/app/(roadmap)/_components/item-card';
import { VoteForm, VotesProvider } from '@/app/(roadmap)/_components/votes';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(props: Props) {
  const { id } = await props.params;
  return orNotFound((await getPublicCaller()).roadmap.publicItem({ id }));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).title };
}

export default async function RoadmapItemPage(props: Props) {
  // Another way on purpose: a public page rendered on the server from the public caller (no session); only this visitor's own votes load in the browser (votes.tsx).
  const item = await load(props);
  return (
    <VotesProvider itemIds={item.isVotable ? [item.id] : []}>
      <p className="no-print mb-4 text-sm">
        <Link href="/roadmap" className="text-brand-700 hover:underline">
          ← Platform roadmap
        </Link>
      </p>
      <div className="grid gap-8 lg:grid-cols-3">
        <article className="min-w-0 lg:col-span-2">
          <p className="text-sm font-medium text-brand-700">{LANE_LABELS[item.lane]}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{item.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {item.targetQuarter ? `Aiming for ${quarterLabel(item.targetQuarter)} · ` : ''}
            {item.updatedAt ? `Last updated ${formatDay(item.updatedAt)}` : ''}
          </p>
          {item.description ? (
            <Markdown className="mt-4 text-base">{item.description}</Markdown>
          ) : (
            <p className="mt-4 text-slate-600">The platform team has not written more about this item yet.</p>
          )}

          <section aria-labelledby="why" className="mt-8">
            <h2 id="why" className="text-lg font-semibold text-slate-900">
              Why it is on the roadmap
            </h2>
            {item.themes.length > 0 ? (
              <>
                <p className="mt-1 text-sm text-slate-600">The developer pain it answers, as the platform team heard it in interviews, tickets and surveys:</p>
                <WhyList themes={item.themes} />
              </>
            ) : (
              <p className="mt-1 text-sm text-slate-600">No developer pain is linked to it yet.</p>
            )}
          </section>

          {item.requests.length > 0 && (
            <section aria-labelledby="requests" className="mt-8">
              <h2 id="requests" className="text-lg font-semibold text-slate-900">
                Developers’ requests that joined it
              </h2>
              <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm">
                {item.requests.map((request) => (
                  <li key={request.id}>
                    <Link href={`/roadmap/requests/${request.id}`} className="text-brand-700 underline">
                      {request.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="history" className="mt-8">
            <h2 id="history" className="text-lg font-semibold text-slate-900">
              History
            </h2>
            <ol className="mt-2 border-l-2 border-slate-200 pl-4">
              {item.history.map((change, index) => (
                <li key={index} className="mb-3">
                  <p className="text-sm font-medium text-slate-900">
                    {change.fromLane ? `Moved from ${LANE_SHORT_LABELS[change.fromLane]} to ${LANE_SHORT_LABELS[change.toLane]}` : `Added to ${LANE_SHORT_LABELS[change.toLane]}`}
                  </p>
                  <p className="text-xs text-slate-600">{formatDay(change.changedAt)}</p>
                </li>
              ))}
            </ol>
          </section>
        </article>

        <aside aria-label="Votes" className="h-fit rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:shadow-none">
          {item.isVotable ? (
            <VoteForm target={{ kind: 'item', id: item.id }} title={item.title} votes={item.votes} />
          ) : (
            <>
              <p className="text-2xl font-semibold text-slate-900">{pluralise(item.votes, 'vote')}</p>
              <p className="mt-1 text-sm text-slate-600">
                {item.lane === 'shipped' ? 'This has shipped, so it takes no more votes.' : 'This was declined, so it takes no more votes.'}
              </p>
            </>
          )}
        </aside>
      </div>
    </VotesProvider>
  );
}
