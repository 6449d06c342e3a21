'use client';
// Admins create API tokens for scripts and other tools (a nightly import, a portal reading the
// inventory). A token is shown once; only its hash is kept.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useIsAdmin } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { formatDay } from '@/app/_components/format';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { useConfirm } from '@/app/_components/confirm-dialog';


export function ApiTokensView() {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const isAdmin = useIsAdmin();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useQuery({ ...trpc.apiTokens.list.queryOptions(), enabled: isAdmin });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.pathKey() });
  const create = useFormMutation({
    initialValues: { name: '' },
    mutation: trpc.apiTokens.create.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: async (token) => {
      await refresh();
      setCreated({ name: token.name, token: token.token });
    },
  });
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast('Token revoked');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );

  if (!isAdmin) {
    return (
      <>
        <PageHeader title="API tokens" />
        <EmptyState title="Only admins manage API tokens">Ask an admin of this workspace for a token.</EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Scripts and other tools call the REST API under <code className="rounded bg-slate-100 px-1">/api/v1/</code> with{' '}
            <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>.
          </>
        }
      />
      {created && (
        <div role="status" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">Copy the token “{created.name}” now: it will not be shown again.</p>
          <code className="mt-2 block rounded bg-white px-2 py-1 font-mono break-all text-slate-900">{created.token}</code>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => setCreated(null)}>
            I have copied it
          </Button>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {tokens.isPending ? (
            <LoadingState />
          ) : tokens.isError ? (
            <ErrorState message={describeError(tokens.error).message} onRetry={() => tokens.refetch()} />
          ) : tokens.data.length === 0 ? (
            <EmptyState title="No API tokens yet">Create one for each script or tool, named after what uses it, so you can revoke it alone.</EmptyState>
          ) : (
            <Table caption="API tokens">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Starts with</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th><span className="sr-only">Actions</span></Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.data.map((token) => (
                  <tr key={token.id}>
                    <Td className="font-medium">
                      {token.name} {token.revokedAt && <Badge tone="red">Revoked</Badge>}
                    </Td>
                    <Td className="font-mono">{token.tokenPrefix}…</Td>
                    <Td className="whitespace-nowrap">
                      {formatDay(token.createdAt, 'Never')}
                      {token.createdByName && <span className="block text-slate-600">by {token.createdByName}</span>}
                    </Td>
                    <Td className="whitespace-nowrap">{formatDay(token.lastUsedAt, 'Never')}</Td>
                    <Td className="text-right">
                      {!token.revokedAt && (
                        <Button
                          variant="danger"
                          size="sm"
                          aria-label={`Revoke ${token.name}`}
                          onClick={() =>
                            confirm.ask({
                              title: `Revoke “${token.name}”?`,
                              body: 'Tools using this token stop working at once. This cannot be undone.',
                              confirmLabel: 'Revoke token',
                              onConfirm: () => revoke.mutate({ id: token.id }),
                            })
                          }
                        >
                          Revoke
                        </Button>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
        <Panel title="Create a token">
          <form onSubmit={create.submit} noValidate className="flex flex-col gap-3">
            <FormError {...create.formError} />
            <TextField label="What uses it" placeholder="nightly Jira import" {...create.field('name')} />
            <div>
              <Button type="submit" isBusy={create.isPending}>
                Create token
              </Button>
            </div>
          </form>
        </Panel>
      </div>
      {confirm.dialog}
    </>
  );
}
