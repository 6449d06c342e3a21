import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getServerCaller } from '@/app/_trpc/server';
import { AuthCard } from '@/app/(auth)/auth-card';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Set up' };
export const dynamic = 'force-dynamic';

export default async function SetupPage() {
  // Another way on purpose: rendered on the server, the caller deciding a redirect (already set up) before anything renders; the form reads no query.
  const status = await (await getServerCaller()).auth.status();
  if (status.isSetupDone) redirect(status.user ? '/' : '/login');
  return (
    <AuthCard
      title="Welcome to Frictionlog"
      description="Create the admin account for your workspace. You can invite editors and viewers afterwards."
    >
      <SetupForm />
    </AuthCard>
  );
}
