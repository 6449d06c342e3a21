import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { TicketView } from './ticket-view';

export const metadata: Metadata = { title: 'Ticket' };

// Prefetched on the server, so the first HTML holds the ticket the view reads.
export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <HydrateClient prefetch={[trpc.tickets.get.queryOptions({ id })]}>
      <TicketView id={id} />
    </HydrateClient>
  );
}
