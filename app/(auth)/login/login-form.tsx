'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { FormError, TextField } from '../../_components/field';
import { describeError, useTRPC } from '../../_trpc/client';

export function LoginForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState({ email: '', password: '' });
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: () => {
        router.replace('/');
        router.refresh();
      },
    }),
  );
  const error = signIn.error ? describeError(signIn.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(form);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <TextField label="Email" name="email" type="email" autoComplete="username" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={error?.fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        error={error?.fieldErrors.password}
      />
      <Button type="submit" isBusy={signIn.isPending}>
        Sign in
      </Button>
      <p className="text-xs text-slate-600">Forgot your password? An admin can set a new one for you on the Members page.</p>
    </form>
  );
}
