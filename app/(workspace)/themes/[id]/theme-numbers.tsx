'use client';
// A theme's numbers in the pain inventory (affected developers, reach, hours, score, confidence),
// within the filter the theme page was opened with.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SourceKindBadges } from '@/app/_components/inventory-table';
import { formatHours, formatReach } from '@/server/inventory/inventory-model';
import { inventorySearchParams, isFiltered, type InventoryFilterInput } from '@/server/inventory/inventory-params';
import type { RouterOutputs } from '@/server/root';

type Numbers = NonNullable<RouterOutputs['themes']['get']>['numbers'];

function Stat({ label, value, detail, href }: { label: string; value: string; detail?: ReactNode; href?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-1">
        {href ? (
          <a href={href} className="text-2xl font-semibold text-brand-700 hover:underline">
            {value}
          </a>
        ) : (
          <span className="text-2xl font-semibold text-slate-900">{value}</span>
        )}
        {detail && <div className="mt-0.5 text-xs text-slate-600">{detail}</div>}
      </dd>
    </div>
  );
}

export function ThemeNumbers({
  numbers,
  directorySize,
  isArchived,
  filter,
}: {
  numbers: Numbers;
  directorySize: number | null;
  isArchived: boolean;
  filter: InventoryFilterInput;
}) {
  return (
    <section id="numbers" aria-labelledby="numbers-title" className="scroll-mt-4">
      <h2 id="numbers-title" className="mb-2 text-base font-semibold text-slate-900">
        In the pain inventory
      </h2>
      {isArchived ? (
        <p className="text-sm text-slate-600">Archived themes are not ranked. Set the status back to candidate or confirmed to rank it again.</p>
      ) : !numbers || numbers.evidenceCount === 0 ? (
        <p className="text-sm text-slate-600">No evidence in this view yet, so the theme is not ranked{isFiltered(filter) ? ' with these filters' : ''}.</p>
      ) : (
        <>
          <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            <Stat
              label="Affected developers"
              value={String(numbers.affectedDevelopers)}
              href="#developers"
              detail={numbers.unattributedMentions > 0 ? `plus ${numbers.unattributedMentions} unattributed mention${numbers.unattributedMentions === 1 ? '' : 's'}` : 'no unattributed mentions'}
            />
            <Stat label="Reach" value={formatReach(numbers.reach)} detail={`of ${directorySize} developer${directorySize === 1 ? '' : 's'}`} />
            <Stat
              label="Hours lost / developer / month"
              value={formatHours(numbers.hoursPerDeveloperPerMonth)}
              href="#developers"
              detail={numbers.hoursPerDeveloperPerMonth === null ? 'no time data yet' : `median over ${numbers.developersWithTimeData} developer${numbers.developersWithTimeData === 1 ? '' : 's'} with time data`}
            />
            <Stat
              label="Score"
              value={numbers.score === null ? 'unknown' : formatHours(numbers.score)}
              detail={
                numbers.score === null
                  ? 'needs time data'
                  : `${numbers.affectedDevelopers} × ${formatHours(numbers.hoursPerDeveloperPerMonth)} h = developer-hours lost per month`
              }
            />
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">Confidence</dt>
              <dd className="mt-2">
                <SourceKindBadges
                  theme={{ ...numbers, isMvpFocus: false, quadrant: null, quotes: [] }}
                  links={{
                    theme: () => '#',
                    evidence: () => '#evidence',
                    developers: () => '#developers',
                    unattributed: () => '#evidence',
                    numbers: () => '#numbers',
                    sourceKind: (_theme, kind) => `?${inventorySearchParams(filter, { source: kind }).toString()}#evidence`,
                  }}
                />
                <p className="mt-1 text-xs text-slate-600">
                  {numbers.sourceKinds.length} kind{numbers.sourceKinds.length === 1 ? '' : 's'} of source, {numbers.evidenceCount} evidence item
                  {numbers.evidenceCount === 1 ? '' : 's'}
                </p>
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-slate-600">
            <Link href="/help/ranking" className="text-brand-700 underline">
              How these numbers are computed
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
