// A request's public page: what the developer asked for, its votes, and what the platform team
// decided. Never who asked.
import type { Metadata } from 'next';
import Link from 'next/link';
import { LANE_SHORT_LABELS } from '@/server/roadmap/lanes';
import { formatDay } from '@/app/_components/format';
import { pluralise } from '@/app/(roadmap)/_lib/format';
import { getPublicCaller, orNotFound } from '@/app/(roadmap)/_lib/public-caller';
import { NewRequestThanks } from '@/app/(roadmap)/_components/new-request-thanks';
import { VoteButton, VotesProvider } from '@/app/(roadmap)/_components/votes';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(props: Pick<Props, 'params'>) {
  const { id } = await props.params;
  return orNotFound((await getPublicCaller()).requests.publicGet({ id }));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: `Request: ${(await load(props)).title}` };
}

type Request = Awaited<ReturnType<typeof load>>;

function Outcome({ request }: { request: Request }) {
  const item = request.item ? (
    <Link href={`/roadmap/items/${request.item.id}`} className="font-medium text-brand-700 underline">
      {request.item.title}
    </Link>
  ) : null;
  const when = request.triagedAt ? ` on ${formatDay(request.triagedAt)}` : '';
  switch (request.status) {
    case 'merged':
      if (request.mergedInto) {
        return (
          <p>
            Merged{when} into the request{' '}
            <Link href={`/roadmap/requests/${request.mergedInto.id}`} className="font-medium text-brand-700 underline">
              {request.mergedInto.title}
            </Link>
            , which asks for the same thing. Its votes moved there; follow that request from now on.
          </p>
        );
      }
      return item ? (
        <p>
          Merged{when} into {item} ({LANE_SHORT_LABELS[request.item!.lane]}), which asks for the same thing. Its votes moved there.
        </p>
      ) : (
        <p>Merged{when} into a roadmap item the team has not published yet. Its votes moved there.</p>
      );
    case 'accepted':
      return item ? (
        <p>
          Accepted{when}: it is on the roadmap as {item} ({LANE_SHORT_LABELS[request.item!.lane]}).
        </p>
      ) : (
        <p>Accepted{when}: it becomes a roadmap item, shown on the public roadmap when the team next publishes it.</p>
      );
    case 'declined':
      return (
        <>
          <p>Declined{when}. The platform team’s reason:</p>
          <p className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap">{request.declineReason}</p>
        </>
      );
    case 'open':
      return <p>Waiting for the platform team to look at it. Votes from other developers help it along.</p>;
  }
}

// Rendered on the server from the public caller (a public page, no sign-in); only the visitor's own votes load in the browser.
export default async function RequestPage(props: Props) {
  const request = await load(props);
  return (
    <VotesProvider requestIds={request.isVotable ? [request.id] : []}>
      <p className="no-print mb-4 text-sm">
        <Link href="/roadmap" className="text-brand-700 hover:underline">
          ← Platform roadmap
        </Link>
      </p>
      <NewRequestThanks id={request.id} />
      <article className="max-w-3xl">
        <p className="text-sm font-medium text-brand-700">Request from a developer · {formatDay(request.createdAt)}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-slate-900">{request.title}</h1>
        {request.details ? (
          <p className="mt-4 whitespace-pre-wrap break-words text-slate-800">{request.details}</p>
        ) : (
          <p className="mt-4 text-slate-600">No details were given.</p>
        )}
        <section aria-labelledby="outcome" className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800 shadow-sm print:shadow-none">
          <h2 id="outcome" className="mb-1 text-base font-semibold text-slate-900">
            What the platform team decided
          </h2>
          <Outcome request={request} />
          {request.mergedRequests.length > 0 && (
            <div className="mt-2">
              <p>Requests merged into this one, with their votes:</p>
              <ul className="mt-1 list-disc pl-5">
                {request.mergedRequests.map((merged) => (
                  <li key={merged.id}>
                    <Link href={`/roadmap/requests/${merged.id}`} className="text-brand-700 underline">
                      {merged.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {request.isInPainInventory && (
            <p className="mt-2">It is also recorded as evidence in the team’s pain inventory, where it counts when they rank what to fix.</p>
          )}
        </section>
        <div className="mt-6">
          {request.isVotable ? (
            <VoteButton target={{ kind: 'request', id: request.id }} title={request.title} votes={request.votes} />
          ) : (
            request.status === 'declined' && <p className="text-sm text-slate-700">{pluralise(request.votes, 'vote')}</p>
          )}
        </div>
      </article>
    </VotesProvider>
  );
}
