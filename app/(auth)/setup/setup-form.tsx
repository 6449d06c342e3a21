'use client';
// The first admin account, optionally with the demo workspace loaded into it. A refusal keeps
// everything typed and marks the fields the server named.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { PasswordStrength } from '@/app/_components/password-strength';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { PASSWORD_RULES_HINT } from '@/server/auth/password-policy';
import { useTRPC } from '@/app/_trpc/client';

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [withDemo, setWithDemo] = useState(false);
  const loadDemo = useMutation(trpc.demo.load.mutationOptions());
  const form = useFormMutation({
    initialValues: { name: '', email: '', password: '' },
    mutation: trpc.auth.setup.mutationOptions(),
    toInput: (values) => values,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const isDemo = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'demo';
    setWithDemo(isDemo);
    if ((await form.submitWith(form.values)) === undefined) return;
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
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <FormError {...form.formError} />
      <TextField label="Your name" autoComplete="name" {...form.field('name')} />
      <TextField label="Work email" type="email" autoComplete="email" {...form.field('email')} />
      <TextField label="Password" type="password" autoComplete="new-password" hint={PASSWORD_RULES_HINT} {...form.field('password')} />
      <PasswordStrength password={form.values.password} email={form.values.email} name={form.values.name} />
      <Button type="submit" value="account" isBusy={form.isPending && !withDemo}>
        Create admin account
      </Button>
      <div className="border-t border-slate-200 pt-4">
        <p className="mb-2 text-sm text-slate-600">
          Want to see it working first? This creates the same admin account and loads a demo workspace with realistic interviews,
          shadowing sessions and evidence. You can remove the demo in one click later.
        </p>
        <Button type="submit" value="demo" variant="secondary" className="w-full" isBusy={(form.isPending && withDemo) || loadDemo.isPending}>
          Set up with the demo workspace
        </Button>
      </div>
    </form>
  );
}
