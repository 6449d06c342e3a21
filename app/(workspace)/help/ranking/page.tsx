// How the pain inventory ranks themes: the formula of DESIGN.md ("Ranking: frequency x
// severity") in the platform PM's words, with a worked example computed and rendered by the same
// code as every theme's "How was this computed?" (server/inventory/worked-example.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { ThemeExplanationView } from '@/app/_components/theme-explanation';
import { formatHours, formatReach, QUADRANT_HINTS, QUADRANT_LABELS, QUADRANTS } from '@/server/inventory/inventory-model';
import { DAYS_PER_MONTH, SEVERITY_MINUTES } from '@/server/inventory/rank-themes';
import { MIN_MATCHING_DEVELOPERS } from '@/server/inventory/attribution';
import { computeWorkedExample, WORKED_EXAMPLE_DIRECTORY_SIZE, WORKED_EXAMPLE_THEME } from '@/server/inventory/worked-example';

export const metadata: Metadata = { title: 'How the ranking works' };

const SEVERITY_NAMES: Record<number, string> = { 1: 'minor', 2: 'an hour or so', 3: 'half a day', 4: 'two days', 5: 'blocked, more than two days' };

function Term({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="py-3">
      <dt className="font-semibold text-slate-900">{name}</dt>
      <dd className="mt-1 text-slate-700">{children}</dd>
    </div>
  );
}

const code = 'rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-900';

export default function RankingHelpPage() {
  // No query: a help page whose worked example is computed on the server by the inventory's own pure code.
  const example = computeWorkedExample();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/inventory" className="hover:underline">
            Pain inventory
          </Link>
        }
        title="How the ranking works"
        description="The pain inventory ranks pain themes by frequency (how many developers hit them) times severity (how much time each of them loses). Every number is computed from the evidence tagged into a theme, at the moment you look."
      />
      <div className="flex max-w-4xl flex-col gap-6 text-sm leading-relaxed">
        <Panel title="The numbers, for one theme">
          <p className="text-slate-700">Within the chosen date window, segment (team, tenure band, background) and sources:</p>
          <dl className="mt-2 divide-y divide-slate-100">
            <Term name="Affected developers (frequency)">
              The number of distinct developers among the theme’s evidence. A developer who gave five quotes counts once. Evidence with no
              developer (an anonymous survey answer, a ticket without a known requester) is an <em>unattributed mention</em>: shown beside
              the count, never added to it.
            </Term>
            <Term name="Reach">
              Affected developers divided by the developers in the directory, or in the segment when you filter by team, tenure or
              background, both counted over active developers: an archived developer’s evidence still counts for the theme, but not for
              reach, so reach never goes above 100%.
            </Term>
            <Term name="Two kinds of evidence">
              Each evidence item is a <strong>recurring estimate</strong> or a <strong>single occurrence</strong>. A recurring estimate is
              what a developer says a pain costs each time and how often it happens (“about 30 minutes, four times a month”): interview
              answers, survey answers and requests are recurring by default, and its monthly minutes are{' '}
              <span className={code}>minutes × occurrences per month</span>. A single occurrence happened once, on its date: a ticket, a
              friction event seen while shadowing, a post-mortem factor, a rating. It has minutes and no rate of its own.
            </Term>
            <Term name="A developer’s monthly minutes">
              The <strong>larger</strong> of (a) their largest recurring estimate in the window and (b) the minutes of their single
              occurrences in the window divided by the window’s length in months (days / {DAYS_PER_MONTH}, never less than one month).
              The larger, not the sum: an interview answer and the tickets behind it are two views of one pain, and a developer who tells
              the same story twice counts once. The window is the date filter; without one, it runs from the earliest evidence in the
              workspace to today.
            </Term>
            <Term name="Ticket time is not wait time">
              How long a ticket stayed open is context (“waited 3 days”), not time lost: nights, weekends and the work done meanwhile are
              not lost. A ticket carries the minutes you enter; without them it counts the developer who asked, not time.
            </Term>
            <Term name="Hours lost per affected developer per month (severity)">
              The <strong>median</strong> of the affected developers’ monthly minutes, in hours. The median keeps one extreme story from
              dominating. Evidence with neither minutes nor a severity counts for frequency only; a developer whose evidence all lacks
              time data is left out of the median.
            </Term>
            <Term name="Score">
              <span className={code}>affected developers × hours lost per affected developer per month</span> = developer-hours lost per
              month. It is the number the ranking sorts by.
            </Term>
            <Term name="Confidence">
              How many independent kinds of source back the theme: interview, shadowing, ticket, post-mortem, survey, rating, request. A
              theme backed by a single kind is flagged “Single source”: confirm it elsewhere before you build for it.
            </Term>
          </dl>
        </Panel>

        <Panel title="When there are no minutes: the severity scale" description="An item with a severity but no minutes lost counts as these minutes per occurrence.">
          <table className="min-w-full text-left">
            <caption className="sr-only">Minutes per occurrence for each severity</caption>
            <thead>
              <tr className="text-slate-700">
                <th scope="col" className="py-1 pr-4">Severity</th>
                <th scope="col" className="py-1 pr-4">Means</th>
                <th scope="col" className="py-1 text-right">Minutes per occurrence</th>
              </tr>
            </thead>
            <tbody>
              {[1, 2, 3, 4, 5].map((level) => (
                <tr key={level} className="border-t border-slate-100">
                  <td className="py-1 pr-4">{level}</td>
                  <td className="py-1 pr-4">{SEVERITY_NAMES[level]}</td>
                  <td className="py-1 text-right">{SEVERITY_MINUTES[level].toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>

        <Panel
          title="A worked example"
          description={`“${WORKED_EXAMPLE_THEME.title}”, with ${WORKED_EXAMPLE_DIRECTORY_SIZE} active developers in the directory. Computed and shown by the same code as “How was this computed?” on every theme.`}
        >
          <ThemeExplanationView explanation={example.explanation} caption="The worked example: each developer’s evidence and the value that counted" />
          <p className="mt-3 text-slate-700">
            In the ranking this theme reads: {example.ranked.affectedDevelopers} affected developers (plus {example.ranked.unattributedMentions} unattributed
            mention), {formatHours(example.ranked.hoursPerDeveloperPerMonth)} hours lost per affected developer per month, score{' '}
            <strong>{formatHours(example.ranked.score)} developer-hours lost per month</strong>, reach {formatReach(example.ranked.reach)}, confidence{' '}
            {example.ranked.sourceKinds.length} kinds of source.
          </p>
        </Panel>

        <Panel title="Order and ties">
          <ul className="list-disc space-y-1 pl-5 text-slate-700">
            <li>Themes are ranked by score, highest first.</li>
            <li>A theme with no time data at all has severity “unknown” and no score; such themes come after every scored theme, ordered by affected developers.</li>
            <li>Equal scores are ordered by affected developers, then by the number of evidence items, then alphabetically, so the same evidence always gives the same order.</li>
            <li>You can sort the table by affected developers, reach, severity or confidence; the rank number stays the score’s rank.</li>
            <li>Archived themes and themes merged into another are not ranked. Themes with no evidence in the chosen view are counted but not listed.</li>
            <li>The two strongest quotes of a theme are its items that cost the most time (a recurring estimate’s monthly minutes, a single occurrence’s minutes; attributed items before unattributed ones on a tie, then the most recent).</li>
          </ul>
        </Panel>

        <Panel title="The frequency × severity chart">
          <p className="text-slate-700">
            Each theme with time data is a point: affected developers across, hours lost per affected developer per month up. The chart is
            split at the median of each axis over the plotted themes, so the quadrants are relative to your own inventory (“many
            developers” starts at two at least):
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            {QUADRANTS.map((quadrant) => (
              <li key={quadrant}>
                <strong>{QUADRANT_LABELS[quadrant]}</strong>: {QUADRANT_HINTS[quadrant]}.
              </li>
            ))}
          </ul>
          <p className="mt-2 text-slate-700">
            The drawing never hides a theme: points that would overlap are moved just apart with a line back to their exact spot, and five
            or more themes at one identical spot become one marker with their count. Titles are written only where they cover nothing else
            (the others are listed under the chart). A theme far above the rest does not squash them: the axis stops below it and the
            theme is drawn at the edge with an arrow, its real numbers written under the chart.
          </p>
        </Panel>

        <Panel title="Snapshots, sharing and the API">
          <ul className="list-disc space-y-1 pl-5 text-slate-700">
            <li>
              <strong>Freeze this ranking</strong> stores the ranking as a snapshot that never changes. Compare today’s ranking with it
              (same filters) to see rank moves, score changes, new themes and resolved ones.
            </li>
            <li>
              <strong>Share</strong> makes a read-only link anyone can open without an account, until you revoke it. Developer names are
              never shown there; quotes are attributed like “backend developer, 1-3 years, Team Payments” only while at least{' '}
              {MIN_MATCHING_DEVELOPERS} active developers of the directory match it. Otherwise the most specific part is dropped (the
              team, then the tenure, then the background) down to “a developer”, so nobody can be recognised from a quote.
            </li>
            <li>
              <strong>Export</strong> downloads Markdown or CSV; names are left out unless you tick “Include developer names”, and
              quotes without names are attributed as on share links.
            </li>
            <li>
              Other tools read the same ranking from <span className={code}>GET /api/v1/inventory</span> with an API token (an admin makes
              one under API tokens). Query parameters: <span className={code}>from</span>, <span className={code}>to</span> (dates like
              2026-03-31), <span className={code}>teamId</span>, <span className={code}>tenureBand</span> (&lt;1y, 1-3y, 3-5y, 5y+),{' '}
              <span className={code}>background</span>, <span className={code}>sourceKinds</span> (comma-separated) and{' '}
              <span className={code}>sort</span> (score, affected, reach, severity, confidence).
            </li>
          </ul>
        </Panel>
      </div>
    </>
  );
}
