'use client';
// Whether developers get emails about their requests: SMTP_URL set or not, and the outbox's state.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';

export function EmailStatus() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.requestEmails.settings.queryOptions());
  if (!settings.data) return null;
  const { isConfigured, server, pending, sent, failed } = settings.data;
  return (
    <section aria-labelledby="request-emails" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm">
      <h2 id="request-emails" className="text-base font-semibold text-slate-900">
        Emails to developers about their requests
      </h2>
      {isConfigured ? (
        <p className="mt-1">
          {`On, through ${server}. Developers who asked for something or voted for it with their email get one email when it is accepted, merged, declined or shipped, with a link to unsubscribe. Sent: ${sent}; waiting: ${pending}; failed after retries: ${failed}.`}
        </p>
      ) : (
        <p className="mt-1">
          Off: <code>SMTP_URL</code> is not set, so no email is sent. Set it (e.g. <code>smtp://user:password@mail.example.com:587</code>) and restart to tell
          developers when their requests are decided.
        </p>
      )}
    </section>
  );
}
