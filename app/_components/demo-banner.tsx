'use client';
// While the demo workspace is loaded, every workspace page says so, with "Remove demo" for
// admins (after a confirmation); removing it goes back to Home with the user's own data only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import { useIsAdmin } from './session-context';
import { useToast } from './toast';

export function RemoveDemoButton({ label = 'Remove demo', size = 'sm' }: { label?: string; size?: 'sm' | 'md' }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [isAsking, setAsking] = useState(false);
  const remove = useMutation(
    trpc.demo.remove.mutationOptions({
      onSuccess: async (result) => {
        setAsking(false);
        await queryClient.invalidateQueries();
        router.push('/');
        router.refresh();
        const kept = result.keptThemes + result.keptDevelopers;
        toast(kept > 0 ? `Demo removed; kept ${kept} item${kept === 1 ? '' : 's'} your own records use` : 'Demo removed');
      },
    }),
  );
  return (
    <>
      <Button variant="danger" size={size} onClick={() => setAsking(true)}>
        {label}
      </Button>
      <ConfirmDialog
        title="Remove the demo workspace?"
        isOpen={isAsking}
        confirmLabel="Remove the demo"
        isBusy={remove.isPending}
        error={remove.error ? describeError(remove.error).message : null}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          remove.reset();
          setAsking(false);
        }}
      >
        Everything the demo added goes: its developers, interviews, shadowing sessions, evidence and pain themes, with any evidence saved from
        demo notes. Themes you tagged your own evidence into and developers your own records refer to are kept.
      </ConfirmDialog>
    </>
  );
}

export function DemoBanner() {
  const trpc = useTRPC();
  const isAdmin = useIsAdmin();
  const status = useQuery(trpc.demo.status.queryOptions());
  if (!status.data?.isLoaded) return null;
  return (
    <section
      aria-label="Demo workspace"
      className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-950"
    >
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">You are looking at demo data.</strong> The developers, interviews, shadowing sessions and evidence of the
        demo workspace are made up.{' '}
        {!isAdmin && (
          <>
            An admin can remove it under{' '}
            <Link href="/settings/demo" className="font-medium underline">
              Demo workspace
            </Link>
            .
          </>
        )}
      </p>
      {isAdmin && <RemoveDemoButton />}
    </section>
  );
}
