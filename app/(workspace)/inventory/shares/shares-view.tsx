'use client';
// Read-only links to the pain inventory for stakeholders without an account: who each is for,
// what it shows, when it was last opened; revoke one and it stops working at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Button, ButtonLink } from '@/app/_components/button';
import { Badge, PageHeader } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { DataTable } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { formatDay } from '@/app/_components/format';


export function SharesView() {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const shares = useQuery({ ...trpc.inventory.shares.queryOptions(), enabled: canEdit });
  const revoke = useMutation(
    trpc.inventory.revokeShare.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.inventory.shares.queryKey() });
        toast('Link revoked: it no longer opens the inventory');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );

  const header = (
    <PageHeader
      eyebrow={
        <Link href="/inventory" className="hover:underline">
          Pain inventory
        </Link>
      }
      title="Share links"
      description="Read-only links to the pain inventory for stakeholders without an account. Developer names are never shown on them. Each link is shown once, when it is made."
    />
  );
  if (!canEdit) {
    return (
      <>
        {header}
        <EmptyState title="Editors manage share links">Ask an editor of this workspace for a link to share the inventory.</EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      {shares.isPending ? (
        <LoadingState label="Loading share links…" />
      ) : shares.isError ? (
        <ErrorState message={describeError(shares.error).message} onRetry={() => shares.refetch()} />
      ) : shares.data.length === 0 ? (
        <EmptyState title="No share link yet" action={<ButtonLink href="/inventory">Open the pain inventory</ButtonLink>}>
          On the pain inventory, set the filters your audience cares about and choose “Share”. You get a link anyone can open without
          signing in, until you revoke it here.
        </EmptyState>
      ) : (
        <DataTable
          caption="Share links of the pain inventory"
          rows={shares.data}
          rowKey={(share) => share.id}
          rowClassName={(share) => (share.revokedAt ? 'text-slate-600' : undefined)}
          columns={[
            {
              header: 'For',
              className: 'font-medium',
              cell: (share) => (
                <>
                  {share.label} {share.revokedAt && <Badge tone="red">Revoked</Badge>}
                  <span className="block font-mono text-xs font-normal text-slate-600">…/share/inventory/{share.tokenPrefix}…</span>
                </>
              ),
            },
            { header: 'Shows', cell: (share) => share.filterLabel },
            {
              header: 'Created',
              className: 'whitespace-nowrap',
              cell: (share) => (
                <>
                  {formatDay(share.createdAt, 'Never')}
                  {share.createdByName && <span className="block text-slate-600">by {share.createdByName}</span>}
                </>
              ),
            },
            { header: 'Last opened', className: 'whitespace-nowrap', cell: (share) => formatDay(share.lastViewedAt, 'Never') },
          ]}
          actionsClassName="text-right"
          actions={(share) =>
            !share.revokedAt && (
              <Button
                variant="danger"
                size="sm"
                aria-label={`Revoke the link for ${share.label}`}
                onClick={() =>
                  confirm.ask({
                    title: `Revoke the link for “${share.label}”?`,
                    body: 'Anyone who opens it afterwards sees “This page does not exist”. This cannot be undone.',
                    confirmLabel: 'Revoke link',
                    onConfirm: () => revoke.mutate({ id: share.id }),
                  })
                }
              >
                Revoke
              </Button>
            )
          }
        />
      )}
      {confirm.dialog}
    </>
  );
}
