// The ranked pain inventory, rendered on the server: filters in the URL, every number a link to
// the evidence behind it, the frequency x severity chart, MVP focus first, print-ready.
import { formatLongDay } from '@/app/_components/format';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/app/_components/button';
import { InventoryTable, MvpFocusPanel } from '@/app/_components/inventory-table';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { Pager } from '@/app/_components/pager';
import { toChartTheme } from '@/app/_components/chart-themes';
import { QuadrantChart } from '@/app/_components/quadrant-chart';
import { EmptyState } from '@/app/_components/states';
import { getServerCaller } from '@/app/_trpc/server';
import { INVENTORY_SORTS, inventorySearchParams, isFiltered, parseInventoryParams, SORT_LABELS } from '@/server/inventory/inventory-params';
import { ExplainButton } from './explain-button';
import { InventoryActions } from './inventory-actions';
import { InventoryFilters } from './inventory-filters';
import { MvpToggle } from './mvp-toggle';
import { numberLinks } from './links';

export const metadata: Metadata = { title: 'Pain inventory' };

type SearchParams = Record<string, string | string[] | undefined>;

// Server components only: the caller's ranking becomes print-ready HTML and no client component reads it on first
// paint, so there is nothing to hydrate; the MVP toggle and the actions refresh the page (router.refresh) after a change.
export default async function InventoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { filter, sort, problems } = parseInventoryParams(params);
  const requestedPage = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const caller = await getServerCaller();
  const [inventory, teams, backgrounds] = await Promise.all([
    caller.inventory.view({ filter, sort, page: Number.isInteger(requestedPage) && requestedPage > 0 ? requestedPage : 1 }),
    caller.teams.list(),
    caller.participants.backgrounds(),
  ]);
  const links = numberLinks(filter);
  const hrefWith = (extra: Record<string, string | undefined>) => {
    const query = inventorySearchParams(filter, { sort: sort === 'score' ? undefined : sort, ...extra }).toString();
    return `/inventory${query ? `?${query}` : ''}`;
  };
  const sorts = Object.fromEntries(
    INVENTORY_SORTS.map((key) => [key, { key, isActive: sort === key, href: hrefWith({ sort: key === 'score' ? undefined : key, page: undefined }) }]),
  );
  const shown = inventory.themes.slice((inventory.page - 1) * inventory.pageSize, inventory.page * inventory.pageSize);
  const focus = inventory.themes.filter((theme) => theme.isMvpFocus);
  const hasFilter = isFiltered(filter);
  const generated = formatLongDay(inventory.generatedAt);

  return (
    <>
      <PageHeader
        title="Pain inventory"
        description="Pain themes ranked by developer-hours lost per month: how many developers hit each pain, times how much time it costs each of them."
        actions={<InventoryActions filter={filter} sort={sort} />}
      />
      <nav aria-label="Inventory pages" className="no-print -mt-3 mb-5 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/inventory/snapshots" className="text-brand-700 hover:underline">
          Snapshots and comparisons
        </Link>
        <Link href="/inventory/shares" className="text-brand-700 hover:underline">
          Share links
        </Link>
        <Link href="/themes/inbox" className="text-brand-700 hover:underline">
          Untagged evidence
        </Link>
        <Link href="/help/ranking" className="text-brand-700 hover:underline">
          How the ranking works
        </Link>
      </nav>

      {problems.length > 0 && (
        <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some filters in the address could not be used and were ignored:{' '}
          {problems.map((problem) => `${problem.parameter}: ${problem.message}`).join('; ')}.
        </div>
      )}

      <InventoryFilters
        filter={filter}
        sort={sort}
        sortOptions={INVENTORY_SORTS.map((key) => ({ value: key, label: SORT_LABELS[key] }))}
        teams={teams.map((team) => ({ value: team.id, label: team.name }))}
        backgrounds={backgrounds.map((background) => ({ value: background, label: background }))}
      />

      {inventory.themes.length === 0 ? (
        hasFilter ? (
          <EmptyState title="No evidence matches these filters" action={<ButtonLink href="/inventory" variant="secondary">Clear filters</ButtonLink>}>
            No tagged evidence falls in this date window, segment or source. Widen the dates or choose another team.
          </EmptyState>
        ) : (
          <EmptyState
            title="Nothing is ranked yet"
            action={
              <>
                <ButtonLink href="/themes">Write a pain theme</ButtonLink>
                <ButtonLink href="/themes/inbox" variant="secondary">
                  Tag untagged evidence
                </ButtonLink>
              </>
            }
          >
            The inventory ranks pain themes by the evidence tagged into them. Write a theme as a statement (“Setting up a new
            service takes two days”), then tag interview quotes, shadowing notes and tickets into it.
            {inventory.themesWithoutEvidence > 0 && ` ${inventory.themesWithoutEvidence} theme${inventory.themesWithoutEvidence === 1 ? ' has' : 's have'} no evidence yet.`}
          </EmptyState>
        )
      ) : (
        <div className="flex flex-col gap-6">
          <p className="text-sm text-slate-600" aria-live="polite">
            {inventory.themes.length} pain theme{inventory.themes.length === 1 ? '' : 's'} ranked · {inventory.filterLabel} ·{' '}
            {inventory.directorySize} developer{inventory.directorySize === 1 ? '' : 's'} in the {filter.teamId || filter.tenureBand || filter.background ? 'segment' : 'directory'} · window{' '}
            {inventory.window.from} to {inventory.window.to} ({inventory.window.months === 1 ? '1 month' : `${(Math.round(inventory.window.months * 10) / 10).toLocaleString('en-US')} months`})
            <span className="hidden print:inline"> · as of {generated}</span>
            {inventory.themesWithoutEvidence > 0 && (
              <>
                {' · '}
                <Link href="/themes" className="text-brand-700 underline">
                  {inventory.themesWithoutEvidence} without evidence here
                </Link>
              </>
            )}
          </p>

          <MvpFocusPanel themes={focus} links={links} />

          <Panel title="Frequency × severity" description="Each point is a theme, numbered by rank. Click a point to open its evidence.">
            <QuadrantChart
              caption={`Affected developers against hours lost per affected developer per month · ${inventory.filterLabel}`}
              splits={inventory.splits}
              themes={inventory.themes.map((theme) => toChartTheme({ ...theme, href: links.theme(theme) }))}
            />
          </Panel>

          <section aria-labelledby="ranking">
            <h2 id="ranking" className="mb-2 text-base font-semibold text-slate-900">
              Ranking{sort !== 'score' && <span className="font-normal text-slate-600"> · sorted by {SORT_LABELS[sort].toLowerCase()}</span>}
            </h2>
            <InventoryTable
              themes={shown}
              caption="Pain themes ranked by developer-hours lost per month"
              links={links}
              sorts={sorts}
              renderActions={(theme) => (
                <span className="flex flex-wrap items-center gap-1">
                  <ExplainButton themeId={theme.themeId!} title={theme.title} filter={filter} />
                  <MvpToggle themeId={theme.themeId!} title={theme.title} isFocus={theme.isMvpFocus} />
                </span>
              )}
            />
            <Pager
              page={inventory.page}
              pages={inventory.pageCount}
              links={{ previous: hrefWith({ page: String(inventory.page - 1) }), next: hrefWith({ page: String(inventory.page + 1) }) }}
            />
          </section>
        </div>
      )}
    </>
  );
}
