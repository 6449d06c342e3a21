// The cards of the weekly review: discovery progress, the top pains, what is in progress, the
// latest satisfaction score and platform adoption. Each one says what to do next when it is empty.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatHours } from '@/server/inventory/inventory-model';
import { quarterLabel } from '@/server/roadmap/lanes';
import { ButtonLink } from '@/app/_components/button';
import { Badge, Panel } from '@/app/_components/page-header';
import { Table, Td, Th } from '@/app/_components/table';
import { plural } from '@/app/(workspace)/_listen/format';
import { percent } from '@/app/(workspace)/metrics/format';
import { formatWeek, type WeeklyReview } from './format';

/** Where to read more, at the foot of a card. */
function MoreLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mt-4 text-sm">
      <Link href={href} className="font-medium text-brand-700 hover:underline">
        {children} <span aria-hidden>→</span>
      </Link>
    </p>
  );
}

/** The empty state inside a card: what is missing, and the one step that fills it. */
function NextStep({ title, children, href, cta }: { title: string; children: ReactNode; href: string; cta: string }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</p>
      <ButtonLink href={href} variant="secondary" size="sm" className="mt-3">
        {cta}
      </ButtonLink>
    </div>
  );
}

/** A card's one big number, what it counts, and how it reads against its band or target. */
function Figure({ value, unit, badge }: { value: string; unit: string; badge?: ReactNode }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="text-3xl font-semibold text-slate-900">{value}</span>
      <span className="text-sm text-slate-600">{unit}</span>
      {badge}
    </p>
  );
}

/** A 0-100% bar with an optional target band; the numbers are always written out beside it. */
function ShareBar({ share, band, label }: { share: number; band?: { min: number; max: number }; label: string }) {
  return (
    <div aria-hidden title={label} className="relative mt-2 h-2.5 w-full overflow-hidden rounded-full bg-slate-100">
      <div className="absolute inset-y-0 left-0 rounded-full bg-brand-600" style={{ width: `${Math.min(1, share) * 100}%` }} />
      {/* The target band is drawn over the bar, so it stays visible however far the bar reaches. */}
      {band && (
        <div className="absolute inset-y-0 border-x-2 border-green-700 bg-green-400/40" style={{ left: `${band.min * 100}%`, width: `${(band.max - band.min) * 100}%` }} />
      )}
    </div>
  );
}

export function DiscoveryCard({ discovery }: { discovery: WeeklyReview['discovery'] }) {
  const { target } = discovery;
  return (
    <Panel title="Discovery progress" description="Who you have listened to, against the 15-20 interviews discovery aims for.">
      {discovery.directorySize === 0 ? (
        <NextStep title="No developers in the directory yet" href="/directory/import" cta="Import the directory">
          List developers by team and tenure first, so the coverage view can show whose voice is missing.
        </NextStep>
      ) : discovery.interviewedDevelopers === 0 ? (
        <NextStep title="No interviews yet" href="/coverage" cta="Start with the coverage view">
          Pick developers from different teams and tenure bands and ask them the five discovery questions.
        </NextStep>
      ) : (
        <>
          <Figure value={String(discovery.interviewedDevelopers)} unit={`of ${target.min}-${target.max} developers interviewed`} />
          <ShareBar share={discovery.progress} label={`${Math.round(discovery.progress * 100)}% of the way to ${target.min}`} />
          <p className="mt-2 text-sm text-slate-600">
            {plural(discovery.interviews, 'interview')} · {plural(discovery.shadowedDevelopers, 'developer')} shadowed · {discovery.directorySize} in the directory
          </p>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">
            {discovery.gapCount === 0 ? 'No coverage gaps' : `${plural(discovery.gapCount, 'coverage gap')}: nobody interviewed yet`}
          </h3>
          {discovery.gapCount === 0 ? (
            <p className="mt-1 text-sm text-slate-600">Every team and tenure band in the directory has at least one interview.</p>
          ) : (
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {discovery.gaps.map((gap) => (
                <li key={`${gap.team}-${gap.tenure}`} className="rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-900">
                  {gap.team} · {gap.tenure}
                </li>
              ))}
              {discovery.gapCount > discovery.gaps.length && <li className="px-1 py-0.5 text-sm text-slate-600">and {discovery.gapCount - discovery.gaps.length} more</li>}
            </ul>
          )}
          <MoreLink href="/coverage">See whom to interview next</MoreLink>
        </>
      )}
    </Panel>
  );
}

const hoursLost = (hours: number | null) => (hours === null ? 'unknown' : formatHours(hours));

export function TopPainsCard({ topPains }: { topPains: WeeklyReview['topPains'] }) {
  return (
    <Panel
      title="Top pains"
      description="Ranked by developer-hours lost a month: affected developers x hours each one loses."
    >
      {topPains.themes.length === 0 ? (
        <NextStep title="No pain themes ranked yet" href="/themes" cta="Group evidence into themes">
          Tag evidence into pain themes; the ranking follows from how many developers each one hits and how much time it costs them.
        </NextStep>
      ) : (
        <>
          <Table caption="The five pain themes that cost developers the most time">
            <thead>
              <tr>
                <Th className="w-10">Rank</Th>
                <Th>Pain theme</Th>
                <Th className="hidden text-right sm:table-cell">Affected developers</Th>
                <Th className="hidden text-right sm:table-cell">Hours lost a month</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {topPains.themes.map((theme) => (
                <tr key={theme.themeId}>
                  <Td className="text-lg font-semibold text-slate-900">{theme.rank}</Td>
                  <Td className="min-w-48">
                    <Link href={`/themes/${theme.themeId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {theme.title}
                    </Link>
                    {theme.isSingleSource && (
                      <span className="ml-2">
                        <Badge>single source</Badge>
                      </span>
                    )}
                    <p className="mt-1 text-sm text-slate-700 sm:hidden">
                      {plural(theme.affectedDevelopers, 'affected developer')} · <strong>{hoursLost(theme.hoursLostPerMonth)}</strong> hours lost a month
                    </p>
                  </Td>
                  <Td className="hidden text-right text-base sm:table-cell">{theme.affectedDevelopers}</Td>
                  <Td className="hidden text-right whitespace-nowrap sm:table-cell">
                    <span className="text-base font-semibold text-slate-900">{hoursLost(theme.hoursLostPerMonth)}</span>
                    {theme.hoursPerDeveloperPerMonth !== null && <div className="text-xs text-slate-600">{formatHours(theme.hoursPerDeveloperPerMonth)} h each</div>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <MoreLink href="/inventory">
            {topPains.rankedThemes > topPains.themes.length ? `All ${topPains.rankedThemes} pain themes in the pain inventory` : 'Open the pain inventory'}
          </MoreLink>
        </>
      )}
    </Panel>
  );
}

export function InProgressCard({ items }: { items: WeeklyReview['inProgress'] }) {
  return (
    <Panel title="In progress on the roadmap" description="What the platform team is doing about the pains.">
      {items.length === 0 ? (
        <NextStep title="Nothing in progress" href="/manage/roadmap" cta="Open the roadmap">
          Move a planned item to In progress, link it to the pain themes it answers, and publish it for developers.
        </NextStep>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
              <Link href={item.isPublished ? `/roadmap/items/${item.id}` : '/manage/roadmap'} className="min-w-0 font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {item.title}
              </Link>
              <span className="flex gap-1.5">
                {item.targetQuarter && <Badge tone="brand">{quarterLabel(item.targetQuarter)}</Badge>}
                {!item.isPublished && <Badge>not published</Badge>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && <MoreLink href="/manage/roadmap">Open the roadmap</MoreLink>}
    </Panel>
  );
}

const BAND = {
  healthy: { label: 'Healthy', tone: 'green' },
  watch: { label: 'Watch', tone: 'amber' },
  warning: { label: 'Warning', tone: 'red' },
} as const;

export function SatisfactionCard({ satisfaction }: { satisfaction: WeeklyReview['satisfaction'] }) {
  return (
    <Panel title="Developer satisfaction" description="The latest 1-10 score: healthy above 7.5, warning below 6.5.">
      {satisfaction === null ? (
        <NextStep title="No satisfaction score yet" href="/surveys/new" cta="Create the quarterly survey">
          Ask developers one 1-10 question and one thing to improve, every quarter. Answers stay anonymous.
        </NextStep>
      ) : (
        <>
          <Figure value={satisfaction.mean.toFixed(1)} unit="out of 10" badge={<Badge tone={BAND[satisfaction.band].tone}>{BAND[satisfaction.band].label}</Badge>} />
          <p className="mt-2 text-sm text-slate-600">
            {plural(satisfaction.answerCount, 'answer')} in{' '}
            <Link href={`/surveys/${satisfaction.surveyId}`} className="font-medium text-brand-700 hover:underline">
              {satisfaction.title}, {quarterLabel(satisfaction.quarter)}
            </Link>
            {satisfaction.previous && (
              <>
                {' '}
                · {movement(Math.round((satisfaction.mean - satisfaction.previous.mean) * 10) / 10, (size) => size.toFixed(1))} from {satisfaction.previous.mean.toFixed(1)} in{' '}
                {quarterLabel(satisfaction.previous.quarter)}
              </>
            )}
          </p>
          <MoreLink href="/surveys">All surveys</MoreLink>
        </>
      )}
    </Panel>
  );
}

/** "up 1.5", "down 3 points", "no change", for a change already rounded to what is shown. */
function movement(change: number, unit: (size: number) => string): string {
  if (change === 0) return 'no change';
  return `${change > 0 ? 'up' : 'down'} ${unit(Math.abs(change))}`;
}

const ADOPTION_STATUS = {
  below: { label: 'Below target', tone: 'amber' },
  within: { label: 'On target', tone: 'green' },
  above: { label: 'Above target', tone: 'green' },
} as const;

export function AdoptionCard({ adoption }: { adoption: WeeklyReview['adoption'] }) {
  const target = `${Math.round(adoption.target.min * 100)}-${percent(adoption.target.max)}`;
  return (
    <Panel title="Platform adoption" description={`The last full week (${formatWeek(adoption.week)}). Year-one target: ${target} of eligible services.`}>
      {!adoption.hasDeliveryData ? (
        <NextStep title="No delivery events yet" href="/metrics" cta="Send or import deployments">
          Have CI/CD post each deployment (or import a CSV) to see how many services deploy through the platform.
        </NextStep>
      ) : adoption.serviceShare === null || adoption.status === null ? (
        <NextStep title="No deployments last week" href="/metrics" cta="Open platform metrics">
          Nothing was deployed in the last full week. The metrics page shows the weeks and quarters before.
        </NextStep>
      ) : (
        <>
          <Figure
            value={percent(adoption.serviceShare)}
            unit={adoption.label}
            badge={<Badge tone={ADOPTION_STATUS[adoption.status].tone}>{ADOPTION_STATUS[adoption.status].label}</Badge>}
          />
          <ShareBar share={adoption.serviceShare} band={adoption.target} label={`${percent(adoption.serviceShare)}, target ${target} shaded`} />
          <p className="mt-2 text-sm text-slate-600">
            {adoption.platformServices} of {plural(adoption.services, 'deploying service')}
            {adoption.previousServiceShare !== null &&
              ` · ${movement(Math.round((adoption.serviceShare - adoption.previousServiceShare) * 100), (points) => plural(points, 'point'))} on the week before`}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Share of deployments through the platform: {percent(adoption.deploymentShare)} ({adoption.platformDeployments} of {plural(adoption.deployments, 'deployment')})
          </p>
          <p className="mt-2 text-xs text-slate-600">{adoption.explanation}</p>
          <MoreLink href="/metrics">Adoption week by week</MoreLink>
        </>
      )}
    </Panel>
  );
}
