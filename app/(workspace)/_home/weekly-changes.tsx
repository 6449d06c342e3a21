// "What changed this week": one tile per channel that feeds the pain inventory, each compared with
// last week and linking to the page where the new items are.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/app/_components/page-header';
import { plural } from '@/app/(workspace)/_listen/format';
import type { WeeklyReview } from './format';

function Tile({ label, value, href, linkLabel, children }: { label: string; value: number; href: string; linkLabel: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 flex min-w-0 flex-1 flex-col">
        <span className="text-3xl font-semibold text-slate-900">{value}</span>
        <span className="mt-1 flex-1 text-sm text-slate-600">{children}</span>
        <Link href={href} className="mt-2 text-sm font-medium text-brand-700 hover:underline">
          {linkLabel}
        </Link>
      </dd>
    </div>
  );
}

const versus = (lastWeek: number) => `${lastWeek} last week`;

export function WeeklyChanges({ changes }: { changes: WeeklyReview['changes'] }) {
  const { evidence, themes, tickets, requests, surveyResponses, ratings } = changes;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-6">
      <Tile label="New evidence" value={evidence.thisWeek} href="/evidence" linkLabel="Open evidence">
        {evidence.thisWeek === 0 && evidence.lastWeek === 0 ? 'Save what shows friction in interviews and tickets as evidence.' : versus(evidence.lastWeek)}
      </Tile>
      <Tile label="New pain themes" value={themes.thisWeek} href="/themes" linkLabel="Open themes">
        {themes.newest.length === 0 ? (
          'Group evidence that tells the same story into a pain theme.'
        ) : (
          <span className="flex flex-col gap-0.5">
            {themes.newest.map((theme) => (
              <Link key={theme.id} href={`/themes/${theme.id}`} title={theme.title} className="truncate text-slate-700 hover:text-brand-700 hover:underline">
                {theme.title}
              </Link>
            ))}
          </span>
        )}
      </Tile>
      <Tile label="Tickets opened" value={tickets.thisWeek} href="/tickets" linkLabel="Open tickets">
        {tickets.isSpike && (
          <span className="mb-1 block">
            <Badge tone="red">Spike</Badge>
          </span>
        )}
        {tickets.thisWeek === 0 && tickets.weeklyAverage === 0 ? 'Import tickets to see what developers ask the platform team.' : `${tickets.weeklyAverage} a week on average over the 8 weeks before`}
      </Tile>
      <Tile label="Roadmap requests" value={requests.thisWeek} href="/manage/requests" linkLabel="Open the request inbox">
        {requests.thisWeek === 0 && requests.lastWeek === 0 && requests.untriaged === 0
          ? 'Developers ask for things on the public roadmap; share its link.'
          : `${versus(requests.lastWeek)}${requests.untriaged > 0 ? ` · ${plural(requests.untriaged, 'request')} waiting for triage` : ''}`}
      </Tile>
      <Tile label="Survey responses" value={surveyResponses.thisWeek} href="/surveys" linkLabel="Open surveys">
        {surveyResponses.thisWeek === 0 && surveyResponses.lastWeek === 0 ? 'No survey is collecting answers right now.' : versus(surveyResponses.lastWeek)}
      </Tile>
      <Tile label="Flow ratings" value={ratings.thisWeek} href="/ratings" linkLabel="Open ratings">
        {ratings.thisWeek === 0 && ratings.lastWeek === 0 ? 'Add the rating widget to a flow to hear whether it got easier.' : versus(ratings.lastWeek)}
      </Tile>
    </dl>
  );
}
