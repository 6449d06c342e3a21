'use client';
// The signed-in member's profile and password change.
import { useQuery } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { PasswordStrength } from '@/app/_components/password-strength';
import { PASSWORD_RULES_HINT } from '@/server/auth/password-policy';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';

export function AccountView() {
  const trpc = useTRPC();
  const toast = useToast();
  const me = useQuery(trpc.auth.me.queryOptions());
  const form = useFormMutation({
    initialValues: { currentPassword: '', newPassword: '' },
    mutation: trpc.auth.changePassword.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: () => toast('Password changed; your other sessions were signed out'),
  });

  return (
    <>
      <PageHeader title="Your account" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Profile">
          {me.data ? (
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-slate-600">Name</dt>
              <dd>{me.data.name}</dd>
              <dt className="text-slate-600">Email</dt>
              <dd className="break-all">{me.data.email}</dd>
              <dt className="text-slate-600">Role</dt>
              <dd className="capitalize">{me.data.role}</dd>
            </dl>
          ) : (
            <LoadingState />
          )}
        </Panel>
        <Panel title="Change password">
          <form onSubmit={form.submit} noValidate className="flex flex-col gap-3">
            <FormError {...form.formError} />
            <TextField label="Current password" type="password" autoComplete="current-password" {...form.field('currentPassword')} />
            <TextField label="New password" type="password" autoComplete="new-password" hint={PASSWORD_RULES_HINT} {...form.field('newPassword')} />
            <PasswordStrength password={form.values.newPassword} email={me.data?.email} name={me.data?.name} />
            <div>
              <Button type="submit" isBusy={form.isPending}>
                Change password
              </Button>
            </div>
          </form>
        </Panel>
      </div>
    </>
  );
}
