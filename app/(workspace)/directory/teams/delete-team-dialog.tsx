'use client';
// "Delete team": an empty team goes at once after a confirmation; a team with developers asks where
// to move them (another team or no team), and the move and the delete happen in one transaction.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/confirm-dialog';
import { SelectField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

const NO_TEAM = 'none';

export function DeleteTeamDialog({
  team,
  otherTeams,
  onClose,
}: {
  team: { id: string; name: string; totalDeveloperCount: number } | null;
  otherTeams: { id: string; name: string }[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [target, setTarget] = useState(NO_TEAM);
  const remove = useMutation(
    trpc.teams.delete.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.participants.pathKey() });
        toast(result.moved > 0 ? `Team ${result.name} deleted; ${result.moved} developer${result.moved === 1 ? '' : 's'} moved` : `Team ${result.name} deleted`);
        close();
      },
    }),
  );
  function close() {
    remove.reset();
    setTarget(NO_TEAM);
    onClose();
  }
  const count = team?.totalDeveloperCount ?? 0;
  return (
    <ConfirmDialog
      title={team ? `Delete the team ${team.name}?` : 'Delete the team?'}
      isOpen={team !== null}
      confirmLabel={count > 0 ? `Move ${count} and delete` : 'Delete team'}
      isBusy={remove.isPending}
      error={remove.error ? describeError(remove.error).message : null}
      onCancel={close}
      onConfirm={() => team && remove.mutate({ id: team.id, moveMembersTo: count > 0 ? (target === NO_TEAM ? null : target) : undefined })}
    >
      {count === 0 ? (
        <p>The team has no developers. Interviews and evidence are not affected.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <p>
            {team?.name} has {count} developer{count === 1 ? '' : 's'} (archived ones included). They move first, then the team is deleted: both
            happen together or not at all.
          </p>
          <SelectField
            label="Move its developers to"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            options={[{ value: NO_TEAM, label: 'No team' }, ...otherTeams.map((other) => ({ value: other.id, label: other.name }))]}
          />
        </div>
      )}
    </ConfirmDialog>
  );
}
