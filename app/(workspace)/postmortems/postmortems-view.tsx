'use client';
// The post-mortems of the platform: which incidents had infrastructure-related root causes
// (suggested from keywords, confirmed by a person), how long they took to detect and recover.
// Filters live in the URL.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ButtonLink } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { useUrlParams, Pager } from '@/app/_components/pager';
import { Badge, PageHeader } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { PAGE_SIZE, postmortemsInputs } from './inputs';

export function minutesLabel(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 2880) return `${(minutes / 60).toLocaleString('en', { maximumFractionDigits: 1 })} h`;
  return `${(minutes / 1440).toLocaleString('en', { maximumFractionDigits: 1 })} d`;
}

export function InfrastructureBadge({ value, keywords }: { value: boolean | null; keywords: string[] }) {
  if (value === true) return <Badge tone="red">Infrastructure</Badge>;
  if (value === false) return <Badge>Not infrastructure</Badge>;
  if (keywords.length > 0) return <Badge tone="amber">Suggested: infrastructure</Badge>;
  return <Badge tone="slate">Not reviewed</Badge>;
}

export function PostmortemsView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams, page } = useUrlParams();
  const { search, infrastructure, category, list: listInput } = postmortemsInputs(params);


  const list = useQuery({
    ...trpc.postmortems.list.queryOptions(listInput),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery(trpc.postmortems.categories.queryOptions());
  const header = (
    <PageHeader
      title="Post-mortems"
      description="Incident reviews of the platform. Flag the ones with infrastructure-related root causes and turn their contributing factors into evidence of pain themes."
      actions={canEdit && <ButtonLink href="/imports" variant="secondary">Import post-mortems</ButtonLink>}
    />
  );
  if (list.isPending) return (<>{header}<LoadingState label="Loading post-mortems…" /></>);
  if (list.isError) return (<>{header}<ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} /></>);
  const { rows, total, counts } = list.data;
  if (counts.total === 0) {
    return (
      <>
        {header}
        <EmptyState title="No post-mortems yet" action={canEdit && <ButtonLink href="/imports">Import post-mortems</ButtonLink>}>
          Import your incident reviews as Markdown files (many at once) or one CSV. Frictionlog reads the title, date, summary, timeline, contributing factors,
          action items and stats such as time to detection and recovery, and suggests which ones have infrastructure-related root causes.
        </EmptyState>
      </>
    );
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      {header}
      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        {[
          ['Post-mortems', counts.total, null],
          ['Confirmed infrastructure', counts.infrastructure, 'yes'],
          ['Suggested, to review', counts.suggested, 'suggested'],
        ].map(([label, value, filter]) => (
          <div key={String(label)} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-3xl font-semibold text-slate-900">
              <button type="button" className="after:absolute after:inset-0" onClick={() => setParams({ infrastructure: filter as string | null })}>
                {Number(value).toLocaleString('en')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <form role="search" aria-label="Filter post-mortems" className="mb-4 grid gap-3 sm:grid-cols-3" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Search" type="search" placeholder="Title or summary" defaultValue={search} onChange={(event) => setParams({ q: event.target.value.trim() || null })} />
        <SelectField
          label="Infrastructure"
          value={infrastructure ?? ''}
          placeholder="All post-mortems"
          onChange={(event) => setParams({ infrastructure: event.target.value || null })}
          options={[
            { value: 'yes', label: 'Confirmed infrastructure' },
            { value: 'suggested', label: 'Suggested, to review' },
            { value: 'unreviewed', label: 'Not reviewed' },
            { value: 'no', label: 'Not infrastructure' },
          ]}
        />
        <SelectField label="Category" value={category ?? ''} placeholder="All categories" onChange={(event) => setParams({ category: event.target.value || null })} options={(categories.data ?? []).map((value) => ({ value, label: value }))} />
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No post-mortem matches these filters" action={<ButtonLink href="/postmortems" variant="secondary">Clear filters</ButtonLink>}>
          Try another search word or category.
        </EmptyState>
      ) : (
        <>
          <Table caption="Post-mortems, newest first">
            <thead>
              <tr>
                <Th>Date</Th>
                <Th>Title</Th>
                <Th>Category</Th>
                <Th>Detected in</Th>
                <Th>Recovered in</Th>
                <Th>Root cause</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap">{row.incidentDate ?? 'Date unknown'}</Td>
                  <Td>
                    <Link href={`/postmortems/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.title}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {row.factorCount} contributing factor{row.factorCount === 1 ? '' : 's'}
                    </span>
                  </Td>
                  <Td>{row.category ?? '—'}</Td>
                  <Td>{minutesLabel(row.detectionMinutes)}</Td>
                  <Td>{minutesLabel(row.recoveryMinutes)}</Td>
                  <Td>
                    <InfrastructureBadge value={row.isInfrastructure} keywords={row.infrastructureKeywords} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager page={page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
        </>
      )}
    </>
  );
}
