'use client';
// Teams of the directory, with how many active developers each has: add, rename, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { InlineForm } from '@/app/_components/inline-form';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { DeleteTeamDialog } from './delete-team-dialog';

function RenameTeam({ id, name, onDone }: { id: string; name: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rename = useMutation(
    trpc.teams.rename.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() });
        onDone();
      },
    }),
  );
  return (
    <InlineForm
      label={`New name for ${name}`}
      initialValue={name}
      submitLabel="Save"
      isPending={rename.isPending}
      error={rename.error ? describeError(rename.error).message : null}
      onSubmit={(value) => rename.mutate({ id, name: value })}
      onCancel={onDone}
    />
  );
}

export function TeamsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string; totalDeveloperCount: number } | null>(null);
  const teams = useQuery(trpc.teams.list.queryOptions());
  const create = useFormMutation({
    initialValues: { name: '' },
    mutation: trpc.teams.create.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: async (team) => {
      await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
      toast(`Team ${team.name} added`);
    },
  });

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/directory" className="hover:underline">Developer directory</Link>}
        title="Teams"
        description="Interview coverage and survey breakdowns are shown per team. Teams named in a directory import are created for you."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {teams.isPending ? (
            <LoadingState />
          ) : teams.isError ? (
            <ErrorState message={describeError(teams.error).message} onRetry={() => teams.refetch()} />
          ) : teams.data.length === 0 ? (
            <EmptyState title="No teams yet">Add the teams of your engineering org, or import a directory CSV that names them.</EmptyState>
          ) : (
            <Table caption="Teams">
              <thead>
                <tr>
                  <Th>Team</Th>
                  <Th>Active developers</Th>
                  {canEdit && <Th><span className="sr-only">Actions</span></Th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {teams.data.map((team) => (
                  <tr key={team.id}>
                    <Td className="font-medium">
                      {renaming === team.id ? (
                        <RenameTeam id={team.id} name={team.name} onDone={() => setRenaming(null)} />
                      ) : (
                        <Link href={`/directory?team=${team.id}`} className="text-brand-700 hover:underline">
                          {team.name}
                        </Link>
                      )}
                    </Td>
                    <Td>{team.developerCount}</Td>
                    {canEdit && (
                      <Td className="text-right">
                        {renaming !== team.id && (
                          <>
                            <Button variant="ghost" size="sm" aria-label={`Rename ${team.name}`} onClick={() => setRenaming(team.id)}>
                              Rename
                            </Button>
                            <Button variant="ghost" size="sm" aria-label={`Delete ${team.name}`} onClick={() => setDeleting(team)}>
                              Delete
                            </Button>
                          </>
                        )}
                      </Td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
        {canEdit && (
          <Panel title="Add a team">
            <form onSubmit={create.submit} noValidate className="flex flex-col gap-3">
              <FormError message={create.error && !create.errorFor('name') ? create.error.message : null} />
              <TextField label="Team name" {...create.field('name')} />
              <div>
                <Button type="submit" isBusy={create.isPending}>
                  Add team
                </Button>
              </div>
            </form>
          </Panel>
        )}
      </div>
      <DeleteTeamDialog team={deleting} otherTeams={(teams.data ?? []).filter((team) => team.id !== deleting?.id)} onClose={() => setDeleting(null)} />
    </>
  );
}
