// Everything behind sign-in. Sends a first visit to setup and a signed-out visit to sign-in.
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getServerCaller } from '@/app/_trpc/server';
import { AppShell } from '@/app/_components/app-shell';
import { DemoBanner } from '@/app/_components/demo-banner';
import { SessionProvider } from '@/app/_components/session-context';

export const dynamic = 'force-dynamic';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const caller = await getServerCaller();
  const status = await caller.auth.status();
  if (!status.isSetupDone) redirect('/setup');
  if (!status.user) redirect('/login');
  return (
    <SessionProvider session={status.user}>
      <AppShell>
        <DemoBanner />
        {children}
      </AppShell>
    </SessionProvider>
  );
}
