'use client';
// The bar above the directory when rows are selected: archive, restore, or move them to a team,
// all selected developers in one request (all or nothing).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { SelectField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

const NO_TEAM = 'none';

export function BulkActions({ ids, teams, onDone }: { ids: string[]; teams: { id: string; name: string }[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [teamId, setTeamId] = useState('');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
    onDone();
  };
  const onError = (error: Parameters<typeof describeError>[0]) => toast(describeError(error).message, 'error');
  const archive = useMutation(
    trpc.participants.archiveMany.mutationOptions({
      onSuccess: async (result, variables) => {
        await refresh();
        toast(`${result.changed} developer${result.changed === 1 ? '' : 's'} ${variables.isArchived ? 'archived' : 'restored'}`);
      },
      onError,
    }),
  );
  const move = useMutation(
    trpc.participants.moveToTeam.mutationOptions({
      onSuccess: async (result, variables) => {
        await refresh();
        const name = variables.teamId ? (teams.find((team) => team.id === variables.teamId)?.name ?? 'the team') : 'no team';
        toast(`${result.changed} developer${result.changed === 1 ? '' : 's'} moved to ${name}`);
        setTeamId('');
      },
      onError,
    }),
  );
  const isBusy = archive.isPending || move.isPending;
  return (
    <section aria-label="Selected developers" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm">
      <p className="self-end pb-1.5 font-medium text-slate-900" aria-live="polite">
        {ids.length} selected
      </p>
      <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => archive.mutate({ ids, isArchived: true })}>
        Archive
      </Button>
      <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => archive.mutate({ ids, isArchived: false })}>
        Restore
      </Button>
      <SelectField
        label="Move to team"
        className="min-w-48"
        value={teamId}
        onChange={(event) => setTeamId(event.target.value)}
        placeholder="Choose a team"
        options={[...teams.map((team) => ({ value: team.id, label: team.name })), { value: NO_TEAM, label: 'No team' }]}
      />
      <Button size="sm" disabled={isBusy || teamId === ''} isBusy={move.isPending} onClick={() => move.mutate({ ids, teamId: teamId === NO_TEAM ? null : teamId })}>
        Move
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
    </section>
  );
}
