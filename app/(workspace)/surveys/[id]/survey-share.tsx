'use client';
// Sharing a survey: its public link, and single-use invitation links for the directory. The links
// are shown once (only their hashes are kept), and nobody can see who has answered.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@/server/root';
import { Button } from '@/app/_components/button';
import { FormError, SelectField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
import { csvOf } from '@/server/surveys/export-csv';
import { useOrigin } from '@/app/(workspace)/surveys/use-location';

type Survey = RouterOutputs['surveys']['get'];

export function downloadText(fileName: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function SurveyShare({ survey }: { survey: Survey }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const origin = useOrigin();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const invite = useFormMutation({
    initialValues: { teamId: '' },
    // The count above is refreshed before the links show, as one change.
    mutation: trpc.surveys.createInvitations.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.surveys.get.queryKey({ id: survey.id }) }),
    }),
    toInput: (values) => ({ id: survey.id, teamId: values.teamId || null }),
  });
  const teamId = invite.values.teamId;
  const link = `${origin}/s/${survey.slug}`;
  const created = invite.data?.invitations;

  if (survey.origin === 'import') {
    return <p className="text-slate-700">An imported survey took its answers elsewhere: it has no link to share.</p>;
  }

  return (
    <div className="flex flex-col gap-6">
      <Panel
        title="Public link"
        description={
          survey.access === 'invitation'
            ? 'This survey takes answers only through invitation links; the plain link says so.'
            : 'Anyone with this link can answer, without an account. Share it where developers are: chat, a newsletter, the end of a meeting.'
        }
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <code className="block min-w-0 flex-1 overflow-x-auto rounded bg-slate-100 px-3 py-2 text-sm text-slate-900">{link}</code>
          <Button
            variant="secondary"
            onClick={() => navigator.clipboard.writeText(link).then(() => toast('Link copied'), () => toast('Select the link and copy it', 'error'))}
          >
            Copy link
          </Button>
        </div>
        {survey.state !== 'open' && (
          <p className="mt-2 text-sm text-amber-800">
            {survey.state === 'scheduled' ? `The link opens on ${survey.opensOn}; until then it says the survey is not open yet.` : 'The survey is closed: the link says so.'}
          </p>
        )}
      </Panel>

      <Panel
        title="Invitations"
        description="One single-use link per developer in the directory: the response rate is exact and nobody answers twice. The link is not stored with the answer, and Frictionlog never shows who has answered, only how many."
      >
        <p className="mb-4 text-sm text-slate-800" aria-live="polite">
          {survey.invitations.invited === 0 ? 'Nobody invited yet.' : `${survey.invitations.invited} invited, ${survey.invitations.used} answered.`}
        </p>
        {canEdit && survey.state !== 'closed' && (
          <form
            className="flex flex-col gap-3 sm:flex-row sm:items-end"
            onSubmit={invite.submit}
          >
            <SelectField
              className="sm:w-64"
              label="Invite developers of"
              {...invite.field('teamId')}
              placeholder="Every team"
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            />
            <Button type="submit" isBusy={invite.isPending}>
              Create invitation links
            </Button>
          </form>
        )}
        {invite.error && (
          <div className="mt-3">
            <FormError message={invite.error.message} />
          </div>
        )}
        {created && created.length === 0 && (
          <p role="status" className="mt-3 text-sm text-slate-700">
            Every active developer {teamId ? 'of this team ' : ''}in the directory has an invitation already. Add developers to the directory to invite more.
          </p>
        )}
        {created && created.length > 0 && (
          <div className="mt-4 flex flex-col gap-3">
            <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {created.length} invitation link{created.length === 1 ? '' : 's'} created. They are shown only now: download them for your mail merge before leaving
              this page.
            </div>
            <div>
              <Button
                variant="secondary"
                onClick={() =>
                  downloadText(
                    `invitations-${survey.quarter.toLowerCase()}.csv`,
                    csvOf([['name', 'email', 'link'], ...created.map((row) => [row.name, row.email ?? '', row.link])]),
                  )
                }
              >
                Download the links (CSV)
              </Button>
            </div>
            <Table caption="Invitation links created now">
              <thead>
                <tr>
                  <Th>Developer</Th>
                  <Th>Email</Th>
                  <Th>Link</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {created.map((row) => (
                  <tr key={row.link}>
                    <Td>{row.name}</Td>
                    <Td className="break-all">{row.email ?? '—'}</Td>
                    <Td className="break-all font-mono text-xs">{row.link}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Panel>
    </div>
  );
}
