'use client';
// The developer directory: filter, sort, add, edit and archive developers, and select rows to
// archive or move to a team at once. Filters live in the URL, so a filtered list can be
// bookmarked or shared.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ButtonLink } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { SortableTh, Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { BulkActions } from './bulk-actions';
import { EMPTY_DRAFT, ParticipantForm, type ParticipantDraft } from './participant-form';
import { TENURE_LABELS, TENURE_OPTIONS } from './tenure-options';
import { directoryFilterOf, directoryListInput, PAGE_SIZE, type Sort } from './inputs';
import { DeveloperLink } from '@/app/_components/developer-link';
import { formatDay } from '@/app/_components/format';

export function DirectoryView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const { params, setParams } = useUrlParams();
  const [editing, setEditing] = useState<ParticipantDraft | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const filter = directoryFilterOf(params);

  const teams = useQuery(trpc.teams.list.queryOptions());
  const backgrounds = useQuery(trpc.participants.backgrounds.queryOptions());
  const list = useQuery({
    ...trpc.participants.list.queryOptions(directoryListInput(filter)),
    placeholderData: keepPreviousData,
  });

  const archive = useMutation(
    trpc.participants.setArchived.mutationOptions({
      onSuccess: async (_data, variables) => {
        await queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
        toast(variables.isArchived ? 'Developer archived' : 'Developer restored');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );

  const sortBy = (key: Sort) =>
    setParams({ sort: key, dir: filter.sort === key && filter.direction === 'asc' ? 'desc' : 'asc' });
  const isFiltered = Boolean(filter.search || filter.teamId || filter.tenureBand || filter.background || filter.status !== 'active');
  const total = list.data?.total ?? 0;
  const pageIds = list.data?.rows.map((row) => row.id) ?? [];
  // Only rows on the current page can stay selected: a filter or page change leaves the rest behind.
  const selectedIds = pageIds.filter((id) => selected.has(id));
  const isAllSelected = pageIds.length > 0 && selectedIds.length === pageIds.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Developer directory"
        description="The developers you listen to, by team, tenure and background. Reach and response rates are measured against this list."
        actions={
          <>
            <ButtonLink href="/directory/teams" variant="secondary">
              Teams
            </ButtonLink>
            {canEdit && (
              <>
                <ButtonLink href="/directory/import" variant="secondary">
                  Import CSV
                </ButtonLink>
                <Button onClick={() => setEditing(EMPTY_DRAFT)}>Add developer</Button>
              </>
            )}
          </>
        }
      />

      {editing && (
        <div className="mb-6">
          <Panel title={editing.id ? `Edit ${editing.displayName}` : 'Add a developer'}>
            <ParticipantForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} />
          </Panel>
        </div>
      )}

      {/* Not a useFormMutation form: it sends nothing, its fields write the URL's filters (adding and editing is ParticipantForm). */}
      <form role="search" aria-label="Filter developers" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Search" type="search" placeholder="Name or email" defaultValue={filter.search} onChange={(e) => setParams({ q: e.target.value.trim() || null })} />
        <SelectField
          label="Team"
          value={filter.teamId}
          onChange={(e) => setParams({ team: e.target.value || null })}
          placeholder="All teams"
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
        <SelectField label="Tenure" value={filter.tenureBand} onChange={(e) => setParams({ tenure: e.target.value || null })} placeholder="Any tenure" options={TENURE_OPTIONS} />
        <SelectField
          label="Background"
          value={filter.background}
          onChange={(e) => setParams({ background: e.target.value || null })}
          placeholder="Any background"
          options={(backgrounds.data ?? []).map((value) => ({ value, label: value }))}
        />
        <SelectField
          label="Status"
          value={filter.status}
          onChange={(e) => setParams({ status: e.target.value === 'active' ? null : e.target.value })}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'archived', label: 'Archived' },
            { value: 'all', label: 'Active and archived' },
          ]}
        />
      </form>

      {list.isPending ? (
        <LoadingState label="Loading developers…" />
      ) : list.isError ? (
        <ErrorState message={describeError(list.error).message} onRetry={() => list.refetch()} />
      ) : total === 0 ? (
        isFiltered ? (
          <EmptyState title="No developer matches these filters" action={<ButtonLink href="/directory" variant="secondary">Clear filters</ButtonLink>}>
            Try another team or tenure band, or search for part of a name.
          </EmptyState>
        ) : (
          <EmptyState
            title="The directory is empty"
            action={
              canEdit && (
                <>
                  <ButtonLink href="/directory/import">Import a directory CSV</ButtonLink>
                  <Button variant="secondary" onClick={() => setEditing(EMPTY_DRAFT)}>
                    Add one developer
                  </Button>
                </>
              )
            }
          >
            Add the developers you plan to interview, or import your whole engineering org from a spreadsheet with the columns
            name, email, team, tenure and background. Coverage gaps show once you know who is out there.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {total} developer{total === 1 ? '' : 's'}
          </p>
          {canEdit && selectedIds.length > 0 && <BulkActions ids={selectedIds} teams={teams.data ?? []} onDone={() => setSelected(new Set())} />}
          <Table caption="Developers in the directory">
            <thead>
              <tr>
                {canEdit && (
                  <Th className="w-8">
                    <input
                      type="checkbox"
                      aria-label="Select every developer on this page"
                      checked={isAllSelected}
                      onChange={() => setSelected(isAllSelected ? new Set() : new Set(pageIds))}
                      className="h-4 w-4"
                    />
                  </Th>
                )}
                <SortableTh label="Name" isActive={filter.sort === 'name'} direction={filter.direction} onSort={() => sortBy('name')} />
                <SortableTh label="Team" isActive={filter.sort === 'team'} direction={filter.direction} onSort={() => sortBy('team')} />
                <SortableTh label="Tenure" isActive={filter.sort === 'tenure'} direction={filter.direction} onSort={() => sortBy('tenure')} />
                <SortableTh label="Background" isActive={filter.sort === 'background'} direction={filter.direction} onSort={() => sortBy('background')} />
                <Th>Email</Th>
                <SortableTh label="Added" isActive={filter.sort === 'created'} direction={filter.direction} onSort={() => sortBy('created')} />
                {canEdit && <Th><span className="sr-only">Actions</span></Th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.data.rows.map((row) => (
                <tr key={row.id} className={row.archivedAt ? 'bg-slate-50 text-slate-600' : undefined}>
                  {canEdit && (
                    <Td className="w-8">
                      <input type="checkbox" aria-label={`Select ${row.displayName}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} className="h-4 w-4" />
                    </Td>
                  )}
                  <Td className="font-medium">
                    <DeveloperLink id={row.id} name={row.displayName} />
                    {row.archivedAt && (
                      <span className="ml-2">
                        <Badge>Archived</Badge>
                      </span>
                    )}
                    {row.origin === 'ticket-requester' && (
                      <span className="ml-2">
                        <Badge tone="amber">From tickets</Badge>
                      </span>
                    )}
                  </Td>
                  <Td>{row.teamName ?? <span className="text-slate-600">No team</span>}</Td>
                  <Td>{row.tenureBand ? TENURE_LABELS[row.tenureBand] : <span className="text-slate-600">Unknown</span>}</Td>
                  <Td>{row.background ?? <span className="text-slate-600">—</span>}</Td>
                  <Td className="break-all">{row.email ?? <span className="text-slate-600">—</span>}</Td>
                  <Td className="whitespace-nowrap">{formatDay(row.createdAt)}</Td>
                  {canEdit && (
                    <Td className="whitespace-nowrap text-right">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Edit ${row.displayName}`}
                        onClick={() =>
                          setEditing({
                            id: row.id,
                            displayName: row.displayName,
                            email: row.email ?? '',
                            teamId: row.teamId ?? '',
                            tenureBand: row.tenureBand ?? '',
                            background: row.background ?? '',
                          })
                        }
                      >
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`${row.archivedAt ? 'Restore' : 'Archive'} ${row.displayName}`}
                        onClick={() => archive.mutate({ id: row.id, isArchived: !row.archivedAt })}
                      >
                        {row.archivedAt ? 'Restore' : 'Archive'}
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager page={filter.page} pages={pages} onPage={(next) => setParams({ page: String(next) })} />
        </>
      )}
    </>
  );
}
