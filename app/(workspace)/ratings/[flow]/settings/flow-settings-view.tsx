'use client';
// A flow's settings (admins): its name, the web origins allowed to show the widget, and how to
// embed it or post ratings from a script.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useIsAdmin } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { useOrigin } from '@/app/(workspace)/surveys/use-location';
import { FlowForm } from '@/app/(workspace)/ratings/flow-form';

function Code({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <p className="mb-1 text-sm font-medium text-slate-800">{label}</p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        <code>{children}</code>
      </pre>
    </div>
  );
}

export function FlowSettingsView({ flowKey }: { flowKey: string }) {
  const trpc = useTRPC();
  const isAdmin = useIsAdmin();
  const origin = useOrigin('https://frictionlog.example.com');
  const flow = useQuery(trpc.ratings.flow.queryOptions({ key: flowKey }));
  const eyebrow = (
    <Link href={`/ratings/${encodeURIComponent(flowKey)}`} className="hover:underline">
      Ratings of {flow.data?.name ?? flowKey}
    </Link>
  );
  if (!isAdmin) {
    return (
      <>
        <PageHeader eyebrow={eyebrow} title="Flow settings" />
        <EmptyState title="Only admins change flows">Ask an admin of your workspace to allow another page or rename this flow.</EmptyState>
      </>
    );
  }
  if (flow.isPending) return <LoadingState />;
  if (flow.isError) {
    return (
      <>
        <PageHeader eyebrow={eyebrow} title="Flow settings" />
        <ErrorState message={describeError(flow.error).message} onRetry={() => flow.refetch()} />
      </>
    );
  }
  const data = flow.data;
  return (
    <>
      <PageHeader eyebrow={eyebrow} title={`Settings of ${data.name}`} />
      <div className="flex flex-col gap-6">
        <Panel title="Flow">
          <FlowForm flow={data} />
        </Panel>
        <Panel title="Embed the widget" description="Paste this where the flow ends, in any page on an allowed origin. It draws a small card asking “Was this easier than before?”, unaffected by the page's styles.">
          <div className="flex flex-col gap-4">
            <Code label="HTML">{`<script src="${origin}/widget.js" data-flow="${data.key}" async></script>`}</Code>
            <Code label="From a CLI or a CI job (no browser, no origin needed)">
              {`curl -X POST ${origin}/api/v1/ratings \\\n  -H 'content-type: application/json' \\\n  -d '{"flow": "${data.key}", "score": 4, "comment": "optional"}'`}
            </Code>
          </div>
        </Panel>
      </div>
    </>
  );
}
