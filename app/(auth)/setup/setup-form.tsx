'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { FormError, TextField } from '../../_components/field';
import { describeError, useTRPC } from '../../_trpc/client';

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const setup = useMutation(
    trpc.auth.setup.mutationOptions({
      onSuccess: () => {
        router.replace('/');
        router.refresh();
      },
    }),
  );
  const error = setup.error ? describeError(setup.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setup.mutate(form);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <TextField label="Your name" name="name" autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.fieldErrors.name} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={error?.fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        error={error?.fieldErrors.password}
      />
      <Button type="submit" isBusy={setup.isPending}>
        Create admin account
      </Button>
    </form>
  );
}
