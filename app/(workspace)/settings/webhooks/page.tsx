// Notifications settings: outbound webhooks, and whether developers get emails about their requests.
import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { EmailStatus } from './email-status';
import { WebhooksView } from './webhooks-view';

export const metadata: Metadata = { title: 'Webhooks' };

// Prefetched on the server, except the deliveries: the browser loads those, since their times are written in the
// reader's time zone, which the server does not know (its HTML would differ from the browser's, React #418).
export default function WebhooksPage() {
  const prefetch = [trpc.webhooks.settings.queryOptions(), trpc.webhooks.list.queryOptions(), trpc.requestEmails.settings.queryOptions()];
  return (
    <HydrateClient prefetch={prefetch}>
      <WebhooksView />
      <EmailStatus />
    </HydrateClient>
  );
}
