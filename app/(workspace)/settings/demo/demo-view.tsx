'use client';
// Load the demo workspace to see Frictionlog working, and remove it again in one action.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button, ButtonLink } from '@/app/_components/button';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { useIsAdmin } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { RemoveDemoButton } from '@/app/_components/demo-banner';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { plural } from '@/app/(workspace)/_listen/format';

export function DemoView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const isAdmin = useIsAdmin();
  const status = useQuery(trpc.demo.status.queryOptions());
  const refresh = async () => {
    await queryClient.invalidateQueries();
    router.refresh();
  };
  const load = useMutation(
    trpc.demo.load.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast('Demo workspace loaded');
      },
    }),
  );
  const error = load.error;

  return (
    <>
      <PageHeader
        title="Demo workspace"
        description="A realistic discovery phase to explore Frictionlog with: four teams, a dozen developers, eight interviews, three shadowing sessions and the evidence saved from them, tagged into six pain themes."
      />
      {status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <ErrorState message={describeError(status.error).message} onRetry={() => status.refetch()} />
      ) : (
        <Panel title={status.data.isLoaded ? 'The demo is loaded' : 'No demo loaded'}>
          {error && (
            <p role="alert" className="mb-3 text-sm text-red-700">
              {describeError(error).message}
            </p>
          )}
          {status.data.isLoaded ? (
            <>
              <p className="text-sm text-slate-700">
                It added {plural(status.data.developers, 'developer')}, {plural(status.data.interviews, 'interview')},{' '}
                {plural(status.data.shadowingSessions, 'shadowing session')}, {plural(status.data.evidence, 'evidence item')} and{' '}
                {plural(status.data.themes, 'pain theme')}. Removing it deletes exactly those, with any evidence saved from demo notes. Themes
                you tagged your own evidence into and developers your own interviews refer to are kept.
              </p>
              <div className="mt-4 flex flex-wrap gap-2">
                <ButtonLink href="/" variant="secondary">
                  See this week&rsquo;s review
                </ButtonLink>
                {isAdmin && <RemoveDemoButton label="Remove the demo" size="md" />}
              </div>
            </>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                The notes read like a real discovery phase: a new service that takes two days and four teams, staging behind an ops ticket,
                costs nobody can see, no standard tracing, a different CI pipeline per team. Nothing of your own is changed; you can remove
                the demo again at any time.
              </p>
              {isAdmin ? (
                <Button className="mt-4" isBusy={load.isPending} onClick={() => load.mutate()}>
                  Load the demo workspace
                </Button>
              ) : (
                <p className="mt-3 text-sm text-slate-600">Ask an admin to load it.</p>
              )}
            </>
          )}
        </Panel>
      )}
    </>
  );
}
