'use client';
// Untagged evidence: everything saved but not yet tagged into a pain theme, so nothing is
// forgotten. Tag one item, or select several and tag them together.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button, ButtonLink } from '@/app/_components/button';
import { PageHeader } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { EvidenceItem } from '@/app/(workspace)/themes/evidence-item';
import { TagDialog } from '@/app/_components/tag-dialog';
import { INBOX_PAGE, inboxInputs } from '@/app/(workspace)/themes/inputs';


export function InboxView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const { params, setParams } = useUrlParams();
  const { page, list: listInput } = inboxInputs(params);
  const [selected, setSelected] = useState<string[]>([]);
  const [tagging, setTagging] = useState<string[] | null>(null);
  const list = useQuery({
    ...trpc.evidence.list.queryOptions(listInput),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE));
  const isAllSelected = rows.length > 0 && rows.every((row) => selected.includes(row.id));
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  const goTo = (next: number) => {
    setSelected([]);
    setParams({ page: String(next) });
  };

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/themes" className="hover:underline">
            Pain themes
          </Link>
        }
        title="Untagged evidence"
        description="Evidence that is not in any pain theme yet. It does not count in the inventory until it is tagged."
      />
      {list.isPending ? (
        <LoadingState label="Loading evidence…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        <EmptyState title="Nothing waiting to be tagged" action={<ButtonLink href="/inventory">Open the pain inventory</ButtonLink>}>
          Every piece of evidence is in a pain theme. New quotes you save from interviews, shadowing sessions, tickets or survey answers
          land here until you tag them.
        </EmptyState>
      ) : (
        <>
          <div className="sticky top-0 z-10 mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
            {canEdit && (
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={isAllSelected}
                  onChange={() => setSelected(isAllSelected ? [] : rows.map((row) => row.id))}
                />
                Select all on this page
              </label>
            )}
            <span className="text-sm text-slate-600" aria-live="polite">
              {total} untagged{selected.length > 0 ? ` · ${selected.length} selected` : ''}
            </span>
            {canEdit && (
              <Button size="sm" className="ml-auto" disabled={selected.length === 0} onClick={() => setTagging(selected)}>
                Tag selected…
              </Button>
            )}
          </div>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
            {rows.map((row) => (
              <li key={row.id} className="flex items-start gap-3 px-3 py-3">
                {canEdit && (
                  <input
                    type="checkbox"
                    className="mt-1"
                    aria-label={`Select “${row.excerpt.slice(0, 60)}”`}
                    checked={selected.includes(row.id)}
                    onChange={() => toggle(row.id)}
                  />
                )}
                <div className="min-w-0 flex-1">
                  <EvidenceItem item={row} />
                </div>
                {canEdit && (
                  <Button variant="secondary" size="sm" aria-label={`Tag “${row.excerpt.slice(0, 60)}”`} onClick={() => setTagging([row.id])}>
                    Tag…
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pages} onPage={goTo} />
        </>
      )}
      <TagDialog evidenceIds={tagging} onClose={() => setTagging(null)} onTagged={() => setSelected([])} />
    </>
  );
}
