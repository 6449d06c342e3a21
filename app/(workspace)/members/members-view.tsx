'use client';
// Workspace members and their roles. Admins add members, change roles, set new passwords and
// remove members; the last admin can be neither demoted nor removed.
import { formatDay } from '@/app/_components/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { controlClass, FormError, SelectField, TextField } from '@/app/_components/field';
import { PasswordStrength } from '@/app/_components/password-strength';
import { PASSWORD_RULES_HINT } from '@/server/auth/password-policy';
import { InlineForm } from '@/app/_components/inline-form';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useIsAdmin, useSession } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { useConfirm } from '@/app/_components/confirm-dialog';

const ROLE_OPTIONS = [
  { value: 'admin', label: 'Admin — everything, plus members and settings' },
  { value: 'editor', label: 'Editor — records and changes discovery data' },
  { value: 'viewer', label: 'Viewer — reads everything, changes nothing' },
];
const ROLE_SHORT = [
  { value: 'admin', label: 'Admin' },
  { value: 'editor', label: 'Editor' },
  { value: 'viewer', label: 'Viewer' },
];

type Role = 'admin' | 'editor' | 'viewer';

function AddMemberForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useFormMutation({
    initialValues: { name: '', email: '', role: 'editor' as Role, password: '' },
    mutation: trpc.members.add.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: async (member) => {
      await queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
      toast(`${member.name} added as ${member.role}`);
    },
  });

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-3" aria-label="Add a member">
      <FormError {...form.formError} />
      <TextField label="Name" {...form.field('name')} />
      <TextField label="Email" type="email" {...form.field('email')} />
      <SelectField label="Role" {...form.field('role')} options={ROLE_OPTIONS} />
      <TextField
        label="Temporary password"
        type="password"
        autoComplete="new-password"
        {...form.field('password')}
        hint={`${PASSWORD_RULES_HINT} Share it with them; they can change it under Your account.`}
      />
      <PasswordStrength password={form.values.password} email={form.values.email} name={form.values.name} />
      <div>
        <Button type="submit" isBusy={form.isPending}>
          Add member
        </Button>
      </div>
    </form>
  );
}

function ResetPassword({ id, name, email, onDone }: { id: string; name: string; email: string; onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const reset = useMutation(
    trpc.members.resetPassword.mutationOptions({
      onSuccess: () => {
        toast(`New password set for ${name}; their sessions were signed out`);
        onDone();
      },
    }),
  );
  return (
    <InlineForm
      label={`New password for ${name}`}
      type="password"
      submitLabel="Set password"
      isPending={reset.isPending}
      error={reset.error ? describeError(reset.error).message : null}
      hint={(password) => (
        <>
          <p className="mb-3">{PASSWORD_RULES_HINT}</p>
          <PasswordStrength password={password} email={email} name={name} />
        </>
      )}
      onSubmit={(password) => reset.mutate({ id, password })}
      onCancel={onDone}
    />
  );
}

export function MembersView() {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const isAdmin = useIsAdmin();
  const session = useSession();
  const [resetting, setResetting] = useState<string | null>(null);
  const members = useQuery(trpc.members.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.pathKey() });
  const onError = (error: unknown) => toast(describeError(error).message, 'error');
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: async (member) => { await refresh(); toast(`${member.name} is now ${member.role}`); }, onError }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: async () => { await refresh(); toast('Member removed'); }, onError }));

  return (
    <>
      <PageHeader title="Members" description="Who can sign in to this workspace, and what they may do. Developers you interview do not need an account." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {members.isPending ? (
            <LoadingState />
          ) : members.isError ? (
            <ErrorState message={describeError(members.error).message} onRetry={() => members.refetch()} />
          ) : (
            <Table caption="Workspace members">
              <thead>
                <tr>
                  <Th>Member</Th>
                  <Th>Role</Th>
                  <Th>Last active</Th>
                  {isAdmin && <Th><span className="sr-only">Actions</span></Th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {members.data.map((member) => (
                  <tr key={member.id}>
                    <Td>
                      <p className="font-medium">
                        {member.name}
                        {member.name === session.name && <span className="text-slate-600"> (you)</span>}
                      </p>
                      <p className="break-all text-slate-600">{member.email}</p>
                      {resetting === member.id && <ResetPassword id={member.id} name={member.name} email={member.email} onDone={() => setResetting(null)} />}
                    </Td>
                    <Td>
                      {isAdmin ? (
                        <select
                          aria-label={`Role of ${member.name}`}
                          className={controlClass}
                          value={member.role}
                          onChange={(e) => changeRole.mutate({ id: member.id, role: e.target.value as Role })}
                        >
                          {ROLE_SHORT.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="capitalize">{member.role}</span>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{member.lastSeenAt ? formatDay(member.lastSeenAt) : 'Never'}</Td>
                    {isAdmin && (
                      <Td className="whitespace-nowrap text-right">
                        <Button variant="ghost" size="sm" aria-label={`Set a new password for ${member.name}`} onClick={() => setResetting(member.id)}>
                          New password
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={`Remove ${member.name}`}
                          onClick={() =>
                            confirm.ask({
                              title: `Remove ${member.name} from this workspace?`,
                              body: 'They are signed out at once and can no longer sign in.',
                              confirmLabel: 'Remove member',
                              onConfirm: () => remove.mutate({ id: member.id }),
                            })
                          }
                        >
                          Remove
                        </Button>
                      </Td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
        {isAdmin ? (
          <Panel title="Add a member">
            <AddMemberForm />
          </Panel>
        ) : (
          <Panel title="Need access for someone?">
            <p className="text-sm text-slate-600">Only admins add members and change roles. Ask an admin of this workspace.</p>
          </Panel>
        )}
      </div>
      {confirm.dialog}
    </>
  );
}
