'use client';
// Sign in with email and password. A refused attempt keeps the email (and the password, to fix a
// typo) and says what went wrong without saying which of the two was wrong.
import { useRouter } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';

export function LoginForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation({
    initialValues: { email: '', password: '' },
    mutation: trpc.auth.signIn.mutationOptions(),
    toInput: (values) => values,
    onSuccess: () => {
      router.replace('/');
      router.refresh();
    },
  });

  return (
    <form onSubmit={form.submit} className="flex flex-col gap-4" noValidate>
      <FormError {...form.formError} />
      <TextField label="Email" type="email" autoComplete="username" {...form.field('email')} />
      <TextField label="Password" type="password" autoComplete="current-password" {...form.field('password')} />
      <Button type="submit" isBusy={form.isPending}>
        Sign in
      </Button>
      <p className="text-xs text-slate-600">Forgot your password? An admin can set a new one for you on the Members page.</p>
    </form>
  );
}
