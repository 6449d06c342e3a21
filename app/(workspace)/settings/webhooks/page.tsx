// Notifications settings: outbound webhooks, and whether developers get emails about their requests.
import type { Metadata } from 'next';
import { EmailStatus } from './email-status';
import { WebhooksView } from './webhooks-view';

export const metadata: Metadata = { title: 'Webhooks' };

export default function WebhooksPage() {
  return (
    <>
      <WebhooksView />
      <EmailStatus />
    </>
  );
}
