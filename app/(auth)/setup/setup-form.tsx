'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { FormError, TextField } from '../../_components/field';
import { PasswordStrength } from '../../_components/password-strength';
import { PASSWORD_RULES_HINT } from '@/server/auth/password-policy';
import { describeError, useTRPC } from '../../_trpc/client';

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [withDemo, setWithDemo] = useState(false);
  const loadDemo = useMutation(trpc.demo.load.mutationOptions());
  const setup = useMutation(trpc.auth.setup.mutationOptions());
  const error = setup.error ? describeError(setup.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const isDemo = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'demo';
    setWithDemo(isDemo);
    setup.mutate(form, {
      onSuccess: async () => {
        let next = '/';
        if (isDemo) {
          // The new admin is signed in now, so the demo loads into their workspace.
          try {
            // Home, the weekly review, is where a week with Frictionlog starts.
            await loadDemo.mutateAsync();
          } catch (error) {
            // The account exists either way; the demo page says what is loaded and can try again.
            console.warn('The demo workspace did not load', error);
            next = '/settings/demo';
          }
        }
        router.replace(next);
        router.refresh();
      },
    });
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
        hint={PASSWORD_RULES_HINT}
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        error={error?.fieldErrors.password}
      />
      <PasswordStrength password={form.password} email={form.email} name={form.name} />
      <Button type="submit" value="account" isBusy={setup.isPending && !withDemo}>
        Create admin account
      </Button>
      <div className="border-t border-slate-200 pt-4">
        <p className="mb-2 text-sm text-slate-600">
          Want to see it working first? This creates the same admin account and loads a demo workspace with realistic interviews,
          shadowing sessions and evidence. You can remove the demo in one click later.
        </p>
        <Button type="submit" value="demo" variant="secondary" className="w-full" isBusy={(setup.isPending && withDemo) || loadDemo.isPending}>
          Set up with the demo workspace
        </Button>
      </div>
    </form>
  );
}
