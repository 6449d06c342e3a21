// Everything behind sign-in. Sends a first visit to setup and a signed-out visit to sign-in.
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getServerCaller, HydrateClient, trpc } from '@/app/_trpc/server';
import { AppShell } from '@/app/_components/app-shell';
import { DemoBanner } from '@/app/_components/demo-banner';
import { SessionProvider } from '@/app/_components/session-context';

export const dynamic = 'force-dynamic';

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  // Another way on purpose: the caller decides sign-in and setup redirects before the shell renders.
  const caller = await getServerCaller();
  const status = await caller.auth.status();
  if (!status.isSetupDone) redirect('/setup');
  if (!status.user) redirect('/login');
  // The banner's query, prefetched here rather than by /settings/demo, which reads it too: the shell hydrates
  // before the page, and a status the banner fetched meanwhile would meet the page's loading HTML (#418).
  return (
    <SessionProvider session={status.user}>
      <AppShell>
        <HydrateClient prefetch={[trpc.demo.status.queryOptions()]}>
          <DemoBanner />
        </HydrateClient>
        {children}
      </AppShell>
    </SessionProvider>
  );
}
