'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { FormError, TextField } from '../../_components/field';
import { PasswordStrength } from '../../_components/password-strength';
import { PASSWORD_RULES_HINT } from '@/server/auth/password-policy';
import { PageHeader, Panel } from '../../_components/page-header';
import { LoadingState } from '../../_components/states';
import { useToast } from '../../_components/toast';
import { describeError, useTRPC } from '../../_trpc/client';

export function AccountView() {
  const trpc = useTRPC();
  const toast = useToast();
  const me = useQuery(trpc.auth.me.queryOptions());
  const empty = { currentPassword: '', newPassword: '' };
  const [form, setForm] = useState(empty);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        toast('Password changed; your other sessions were signed out');
        setForm(empty);
      },
    }),
  );
  const error = change.error ? describeError(change.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(form);
  }

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
          <form onSubmit={submit} noValidate className="flex flex-col gap-3">
            <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
            <TextField
              label="Current password"
              type="password"
              autoComplete="current-password"
              value={form.currentPassword}
              onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
              error={error?.fieldErrors.currentPassword}
            />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              hint={PASSWORD_RULES_HINT}
              value={form.newPassword}
              onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
              error={error?.fieldErrors.newPassword}
            />
            <PasswordStrength password={form.newPassword} email={me.data?.email} name={me.data?.name} />
            <div>
              <Button type="submit" isBusy={change.isPending}>
                Change password
              </Button>
            </div>
          </form>
        </Panel>
      </div>
    </>
  );
}
