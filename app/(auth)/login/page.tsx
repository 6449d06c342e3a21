import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getServerCaller } from '@/app/_trpc/server';
import { AuthCard } from '@/app/(auth)/auth-card';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  // Another way on purpose: rendered on the server, the caller deciding a redirect (setup first) before anything renders; the form reads no query.
  const status = await (await getServerCaller()).auth.status();
  if (!status.isSetupDone) redirect('/setup');
  if (status.user) redirect('/');
  return (
    <AuthCard title="Sign in" description="Use the account your Frictionlog admin created for you.">
      <LoginForm />
    </AuthCard>
  );
}
