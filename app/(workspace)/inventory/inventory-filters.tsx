'use client';
// The inventory's filters: date window, team, tenure band, background and source kinds, and the
// sort order. They live in the URL, so a filtered ranking can be bookmarked and shared.
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { SelectField, TextField } from '@/app/_components/field';
import { SOURCE_KINDS } from '@/server/evidence/rules';
import { inventorySearchParams, isFiltered, SOURCE_KIND_LABELS, type InventoryFilterInput, type InventorySort } from '@/server/inventory/inventory-params';
import { TENURE_OPTIONS } from '@/app/(workspace)/directory/tenure-options';

type Option = { value: string; label: string };

export function InventoryFilters({
  filter,
  sort,
  sortOptions,
  teams,
  backgrounds,
}: {
  filter: InventoryFilterInput;
  sort: InventorySort;
  sortOptions: Option[];
  teams: Option[];
  backgrounds: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  function apply(changes: Partial<InventoryFilterInput>, nextSort: InventorySort = sort) {
    const next = { ...filter, ...changes };
    const query = inventorySearchParams(next, { sort: nextSort === 'score' ? undefined : nextSort }).toString();
    startTransition(() => router.replace(`${pathname}${query ? `?${query}` : ''}`, { scroll: false }));
  }

  const kinds = filter.sourceKinds ?? [];
  const toggleKind = (kind: (typeof SOURCE_KINDS)[number]) =>
    apply({ sourceKinds: kinds.includes(kind) ? kinds.filter((other) => other !== kind) : [...kinds, kind] });

  return (
    <form role="search" aria-label="Filter the inventory" className="no-print mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" onSubmit={(event) => event.preventDefault()}>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-6">
        <TextField label="From" type="date" value={filter.from ?? ''} max={filter.to} onChange={(event) => apply({ from: event.target.value || undefined })} />
        <TextField label="To" type="date" value={filter.to ?? ''} min={filter.from} onChange={(event) => apply({ to: event.target.value || undefined })} />
        <SelectField label="Team" value={filter.teamId ?? ''} placeholder="All teams" options={teams} onChange={(event) => apply({ teamId: event.target.value || undefined })} />
        <SelectField
          label="Tenure"
          value={filter.tenureBand ?? ''}
          placeholder="Any tenure"
          options={TENURE_OPTIONS}
          onChange={(event) => apply({ tenureBand: (event.target.value || undefined) as InventoryFilterInput['tenureBand'] })}
        />
        <SelectField
          label="Background"
          value={filter.background ?? ''}
          placeholder="Any background"
          options={backgrounds}
          onChange={(event) => apply({ background: event.target.value || undefined })}
        />
        <SelectField label="Sort by" value={sort} options={sortOptions} onChange={(event) => apply({}, event.target.value as InventorySort)} />
      </div>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-slate-800">Sources</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
          {SOURCE_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1.5">
              <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggleKind(kind)} />
              {SOURCE_KIND_LABELS[kind]}
            </label>
          ))}
          <span className="text-slate-600">{kinds.length === 0 ? '(none ticked: all sources)' : ''}</span>
        </div>
      </fieldset>
      <div className="mt-3 flex items-center gap-4 text-sm" aria-live="polite">
        {isFiltered(filter) && (
          <Link href={pathname} className="font-medium text-brand-700 hover:underline">
            Clear filters
          </Link>
        )}
        {isPending && <span className="text-slate-600">Updating the ranking…</span>}
      </div>
    </form>
  );
}
