// The ranked pain inventory as a table, used by the workspace page (every number a link to the
// evidence behind it) and by the public share page (no links, no names). Server-renderable.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SOURCE_KINDS } from '@/server/evidence/rules';
import { formatHours, formatReach, QUADRANT_LABELS, type Quadrant } from '@/server/inventory/inventory-model';
import type { RankedTheme } from '@/server/inventory/rank-themes';
import { SOURCE_KIND_LABELS } from '@/server/inventory/inventory-params';
import { Badge } from './page-header';
import { Table, Td, Th } from './table';
import { DeveloperLink } from '@/app/_components/developer-link';
import { SourceLink } from '@/app/_components/source-link';

type EvidenceSourceKind = (typeof SOURCE_KINDS)[number];

export interface TableQuote {
  excerpt: string;
  attribution: string;
  participantName?: string | null;
  /** Present beside the name in the workspace: the name links to the developer's page. */
  participantId?: string | null;
  sourceKind: EvidenceSourceKind;
  observedOn: string;
  sourcePath?: string;
}

export type TableTheme = Omit<RankedTheme, 'themeId' | 'sourceKinds'> & {
  /** Absent on the public share page, which shows no ids. */
  themeId?: string;
  sourceKinds: EvidenceSourceKind[];
  isMvpFocus: boolean;
  quadrant: Quadrant | null;
  quotes: TableQuote[];
};

/** Where each number leads: the theme's page, narrowed to the evidence behind that number. */
export interface NumberLinks {
  theme: (theme: TableTheme) => string;
  evidence: (theme: TableTheme) => string;
  developers: (theme: TableTheme) => string;
  unattributed: (theme: TableTheme) => string;
  numbers: (theme: TableTheme) => string;
  sourceKind: (theme: TableTheme, kind: EvidenceSourceKind) => string;
}

export interface SortHeader {
  key: string;
  href: string;
  isActive: boolean;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function MaybeLink({ href, label, children, className = '' }: { href?: string; label: string; children: ReactNode; className?: string }) {
  if (!href) return <span className={className}>{children}</span>;
  return (
    <Link href={href} aria-label={label} className={`font-medium text-brand-700 underline decoration-brand-100 underline-offset-2 hover:decoration-brand-700 ${className}`}>
      {children}
    </Link>
  );
}

export function SourceKindBadges({ theme, links }: { theme: TableTheme; links?: NumberLinks }) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      {theme.sourceKinds.map((kind) =>
        links ? (
          <Link key={kind} href={links.sourceKind(theme, kind)} aria-label={`${SOURCE_KIND_LABELS[kind]} evidence of this theme`} className="rounded hover:ring-2 hover:ring-brand-100">
            <Badge tone="brand">{SOURCE_KIND_LABELS[kind]}</Badge>
          </Link>
        ) : (
          <Badge key={kind} tone="brand">
            {SOURCE_KIND_LABELS[kind]}
          </Badge>
        ),
      )}
      {theme.isSingleSource && <Badge tone="amber">Single source</Badge>}
    </div>
  );
}

/** The one or two themes the MVP is scoped to, with the evidence that justifies them. */
export function MvpFocusPanel({ themes, links }: { themes: TableTheme[]; links?: NumberLinks }) {
  if (themes.length === 0) return null;
  return (
    <section aria-labelledby="mvp-focus" className="rounded-lg border border-green-200 bg-green-50 p-4">
      <h2 id="mvp-focus" className="text-base font-semibold text-green-900">
        MVP focus
      </h2>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2">
        {themes.map((theme) => (
          <li key={theme.rank} className="rounded-md border border-green-200 bg-white p-3 text-sm">
            <p className="text-slate-600">Rank #{theme.rank}</p>
            {links ? (
              <Link href={links.theme(theme)} className="text-base font-medium text-slate-900 hover:underline">
                {theme.title}
              </Link>
            ) : (
              <p className="text-base font-medium text-slate-900">{theme.title}</p>
            )}
            <p className="mt-1 text-slate-700">
              <MaybeLink href={links?.evidence(theme)} label={`${plural(theme.evidenceCount, 'evidence item')}: open them`}>
                {plural(theme.evidenceCount, 'evidence item')}
              </MaybeLink>{' '}
              from {plural(theme.affectedDevelopers, 'developer')}
              {theme.score !== null && ` · ${formatHours(theme.score)} developer-hours lost per month`}
              {theme.isSingleSource && (
                <span className="ml-1">
                  <Badge tone="amber">Single source</Badge>
                </span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function QuoteBlock({ quote }: { quote: TableQuote }) {
  const by = quote.participantName ? (
    <>
      <DeveloperLink id={quote.participantId} name={quote.participantName} />, {quote.attribution}
    </>
  ) : (
    quote.attribution
  );
  return (
    <figure className="border-l-2 border-slate-200 pl-3 break-inside-avoid">
      <blockquote className="text-sm text-slate-800 italic">“{quote.excerpt}”</blockquote>
      <figcaption className="mt-0.5 text-xs text-slate-600">
        — {by} · {SOURCE_KIND_LABELS[quote.sourceKind].toLowerCase()} · {quote.observedOn}
        {quote.sourcePath && (
          <>
            {' · '}
            <SourceLink href={quote.sourcePath} className="text-brand-700 underline">
              source
            </SourceLink>
          </>
        )}
      </figcaption>
    </figure>
  );
}

function HeaderCell({ label, sort, className = '' }: { label: string; sort?: SortHeader; className?: string }) {
  if (!sort) return <Th className={className}>{label}</Th>;
  return (
    <Th className={className} aria-sort={sort.isActive ? 'descending' : 'none'}>
      <Link href={sort.href} className="inline-flex items-center gap-1 uppercase hover:text-slate-900" scroll={false}>
        {label}
        <span aria-hidden className={sort.isActive ? 'text-slate-900' : 'text-slate-400'}>
          ▼
        </span>
      </Link>
    </Th>
  );
}

export function InventoryTable({
  themes,
  caption,
  links,
  sorts,
  renderActions,
}: {
  themes: TableTheme[];
  caption: string;
  links?: NumberLinks;
  /** Sortable column headers, by column: score, affected, reach, severity, confidence. */
  sorts?: Record<string, SortHeader>;
  renderActions?: (theme: TableTheme) => ReactNode;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th className="w-12">Rank</Th>
          <Th className="sm:min-w-72">Pain theme and strongest quotes</Th>
          <HeaderCell label="Affected developers" sort={sorts?.affected} className="hidden text-right sm:table-cell" />
          <HeaderCell label="Reach" sort={sorts?.reach} className="hidden text-right sm:table-cell" />
          <HeaderCell label="Hours lost per developer a month" sort={sorts?.severity} className="hidden text-right sm:table-cell" />
          <HeaderCell label="Score: dev-hours a month" sort={sorts?.score} className="hidden text-right sm:table-cell" />
          <HeaderCell label="Confidence" sort={sorts?.confidence} className="hidden sm:table-cell" />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {themes.map((theme) => (
          <tr key={theme.themeId ?? theme.rank} className={`break-inside-avoid ${theme.isMvpFocus ? 'bg-brand-50/60' : ''}`}>
            <Td className="text-lg font-semibold text-slate-900">{theme.rank}</Td>
            <Td>
              <div className="flex flex-wrap items-center gap-2">
                {links ? (
                  <Link href={links.theme(theme)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {theme.title}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{theme.title}</span>
                )}
                {theme.isMvpFocus && <Badge tone="green">MVP focus</Badge>}
                {theme.quadrant === 'do-first' && <Badge tone="red">{QUADRANT_LABELS['do-first']}</Badge>}
                {theme.quadrant === 'needs-evidence' && <Badge tone="amber">{QUADRANT_LABELS['needs-evidence']}</Badge>}
                {renderActions && <span className="no-print ml-auto">{renderActions(theme)}</span>}
              </div>
              <p className="mt-1 text-sm text-slate-700 sm:hidden">
                {plural(theme.affectedDevelopers, 'affected developer')}
                {theme.unattributedMentions > 0 && ` (+${theme.unattributedMentions} unattributed)`} · reach {formatReach(theme.reach)} ·{' '}
                {formatHours(theme.hoursPerDeveloperPerMonth)} h per developer a month · score{' '}
                <strong>{theme.score === null ? 'unknown' : formatHours(theme.score)}</strong>
                {theme.isSingleSource && ' · single source'}
              </p>
              {theme.quotes.length > 0 && (
                <div className="mt-2 flex flex-col gap-2">
                  {theme.quotes.map((quote, index) => (
                    <QuoteBlock key={index} quote={quote} />
                  ))}
                </div>
              )}
            </Td>
            <Td className="hidden text-right whitespace-nowrap sm:table-cell">
              <MaybeLink href={links?.developers(theme)} label={`${plural(theme.affectedDevelopers, 'affected developer')}: open their evidence`} className="text-base">
                {theme.affectedDevelopers}
              </MaybeLink>
              {theme.unattributedMentions > 0 && (
                <div className="text-xs text-slate-600">
                  +{' '}
                  <MaybeLink href={links?.unattributed(theme)} label={`${plural(theme.unattributedMentions, 'unattributed mention')}: open them`}>
                    {theme.unattributedMentions}
                  </MaybeLink>{' '}
                  unattributed
                </div>
              )}
            </Td>
            <Td className="hidden text-right whitespace-nowrap sm:table-cell">
              <MaybeLink href={links?.developers(theme)} label={`Reach ${formatReach(theme.reach)}: open the affected developers`}>
                {formatReach(theme.reach)}
              </MaybeLink>
            </Td>
            <Td className="hidden text-right whitespace-nowrap sm:table-cell">
              <MaybeLink href={links?.developers(theme)} label={`${formatHours(theme.hoursPerDeveloperPerMonth)} hours lost per affected developer per month: open each developer's hours`}>
                {formatHours(theme.hoursPerDeveloperPerMonth)}
              </MaybeLink>
              {theme.hoursPerDeveloperPerMonth !== null && (
                <div className="text-xs text-slate-600">median of {theme.developersWithTimeData}</div>
              )}
            </Td>
            <Td className="hidden text-right whitespace-nowrap sm:table-cell">
              <MaybeLink href={links?.numbers(theme)} label={`Score ${formatHours(theme.score)}: open how it is computed`} className="text-base">
                {theme.score === null ? 'unknown' : formatHours(theme.score)}
              </MaybeLink>
            </Td>
            <Td className="hidden sm:table-cell">
              <SourceKindBadges theme={theme} links={links} />
              <div className="mt-1 text-xs text-slate-600">{plural(theme.evidenceCount, 'evidence item')}</div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
