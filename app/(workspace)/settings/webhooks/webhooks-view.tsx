'use client';
// Admins point webhooks at a chat channel (Slack, Mattermost, …) or any HTTP receiver: new
// requests and roadmap lane changes are posted as signed JSON, retried when the receiver fails,
// and listed in the delivery log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useIsAdmin } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { DataTable } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { useConfirm } from '@/app/_components/confirm-dialog';

const TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const formatTime = (date: Date | null) => (date ? TIME.format(date) : '—');

function SecretNotice({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <div role="status" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">Copy the signing secret of “{name}” now: it will not be shown again.</p>
      <code className="mt-2 block rounded bg-white px-2 py-1 font-mono break-all text-slate-900">{secret}</code>
      <p className="mt-2">
        Each delivery carries <code>X-Frictionlog-Timestamp</code> and <code>X-Frictionlog-Signature: v1=&lt;hex&gt;</code>, the HMAC-SHA256 of
        “timestamp.body” with this secret. Slack ignores the signature; your own receivers should check it.
      </p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={onDone}>
        I have copied it
      </Button>
    </div>
  );
}

function CreateForm({ onCreated }: { onCreated: (created: { name: string; secret: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useFormMutation({
    initialValues: { name: '', url: '', onNewRequest: true, onLaneChange: true },
    mutation: trpc.webhooks.create.mutationOptions(),
    toInput: (values) => values,
    resetOnSuccess: true,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
      onCreated(created);
    },
  });
  return (
    <form onSubmit={create.submit} noValidate className="flex flex-col gap-3" aria-label="Add a webhook">
      <FormError {...create.formError} />
      <TextField label="Name" placeholder="#platform-roadmap on Slack" {...create.field('name')} />
      <TextField
        label="Address (URL)"
        type="url"
        placeholder="https://hooks.slack.com/services/…"
        {...create.field('url')}
        hint="An http:// or https:// address on the public internet (see below for private networks). Redirects are not followed."
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Post when</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={create.values.onNewRequest} onChange={(e) => create.set('onNewRequest', e.target.checked)} />
          A developer sends a request
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={create.values.onLaneChange} onChange={(e) => create.set('onLaneChange', e.target.checked)} />
          A publish moves items between lanes
        </label>
        {create.errorFor('onNewRequest') && <p className="mt-1 text-sm text-red-700">{create.errorFor('onNewRequest')?.[0]}</p>}
      </fieldset>
      <div>
        <Button type="submit" isBusy={create.isPending}>
          Add webhook
        </Button>
      </div>
    </form>
  );
}

/** Whether receivers on private networks are allowed: off by default, metadata addresses never. */
function PrivateTargetsSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const settings = useQuery(trpc.webhooks.settings.queryOptions());
  const save = useMutation(
    trpc.webhooks.setAllowPrivateTargets.mutationOptions({
      onSuccess: async (_, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.webhooks.settings.queryKey() });
        toast(input.isAllowed ? 'Receivers on private networks are allowed' : 'Receivers on private networks are refused again');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState message={describeError(settings.error).message} onRetry={() => settings.refetch()} />;
  return (
    <div className="text-sm text-slate-700">
      <label className="flex items-start gap-2 text-slate-800">
        <input
          type="checkbox"
          className="mt-1"
          checked={settings.data.allowPrivateTargets}
          disabled={save.isPending}
          onChange={(event) => save.mutate({ isAllowed: event.target.checked })}
        />
        <span>Allow receivers on private networks</span>
      </label>
      <p className="mt-2 text-slate-600">
        Off by default: a webhook can then only post to public addresses, checked when saved and again at every send. Turn it on for a
        receiver inside your company network (10.x, 172.16–31.x, 192.168.x, 100.64.x, this machine). Cloud metadata and link-local
        addresses are refused either way.
      </p>
    </div>
  );
}

export function WebhooksView() {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const isAdmin = useIsAdmin();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const webhooks = useQuery({ ...trpc.webhooks.list.queryOptions(), enabled: isAdmin });
  const deliveries = useQuery({ ...trpc.webhooks.deliveries.queryOptions(), enabled: isAdmin, refetchInterval: 5000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const onError = (error: unknown) => toast(describeError(error).message, 'error');
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: async () => (await refresh(), toast('Webhook deleted')), onError }));
  const test = useMutation(trpc.webhooks.sendTest.mutationOptions({ onSuccess: async () => (await refresh(), toast('Test message queued: see the delivery log')), onError }));
  const retry = useMutation(trpc.webhooks.retry.mutationOptions({ onSuccess: async () => (await refresh(), toast('Delivery queued again')), onError }));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onError }));

  if (!isAdmin) {
    return (
      <>
        <PageHeader title="Webhooks" />
        <EmptyState title="Only admins manage webhooks">Ask an admin of this workspace to connect the roadmap to your team’s chat.</EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Post new developer requests and roadmap lane changes to your team’s chat or any HTTP receiver, as Slack-compatible JSON signed with a shared secret."
      />
      {secret && <SecretNotice name={secret.name} secret={secret.secret} onDone={() => setSecret(null)} />}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {webhooks.isPending ? (
            <LoadingState />
          ) : webhooks.isError ? (
            <ErrorState message={describeError(webhooks.error).message} onRetry={() => webhooks.refetch()} />
          ) : webhooks.data.length === 0 ? (
            <EmptyState title="No webhooks yet">
              Add one with a Slack incoming-webhook address, and your channel hears about every new request and every lane change when you publish.
            </EmptyState>
          ) : (
            <DataTable
              caption="Webhooks"
              rows={webhooks.data}
              rowKey={(webhook) => webhook.id}
              columns={[
                {
                  header: 'Name',
                  cell: (webhook) => (
                    <>
                      <span className="font-medium">{webhook.name}</span>
                      <span className="block max-w-xs truncate font-mono text-xs text-slate-600">{webhook.url}</span>
                      <span className="block font-mono text-xs text-slate-600">secret {webhook.secretPrefix}…</span>
                    </>
                  ),
                },
                { header: 'Posts', cell: (webhook) => [webhook.onNewRequest && 'new requests', webhook.onLaneChange && 'lane changes'].filter(Boolean).join(', ') },
                { header: 'Status', cell: (webhook) => (webhook.isActive ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>) },
              ]}
              actions={(webhook) => (
                <div className="flex flex-wrap justify-end gap-1">
                <Button size="sm" variant="secondary" onClick={() => test.mutate({ id: webhook.id })} aria-label={`Send a test message to ${webhook.name}`}>
                  Test
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={`${webhook.isActive ? 'Switch off' : 'Switch on'} ${webhook.name}`}
                  onClick={() =>
                    update.mutate({
                      id: webhook.id,
                      name: webhook.name,
                      url: webhook.url,
                      onNewRequest: webhook.onNewRequest,
                      onLaneChange: webhook.onLaneChange,
                      isActive: !webhook.isActive,
                    })
                  }
                >
                  {webhook.isActive ? 'Switch off' : 'Switch on'}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={`New secret for ${webhook.name}`}
                  onClick={() =>
                    confirm.ask({
                      title: `Make a new signing secret for “${webhook.name}”?`,
                      body: 'Receivers checking the old secret stop accepting messages until they are given the new one.',
                      confirmLabel: 'Make a new secret',
                      onConfirm: () =>
                        rotate.mutate(
                          { id: webhook.id },
                          {
                            onSuccess: async (result) => {
                              await refresh();
                              setSecret({ name: webhook.name, secret: result.secret });
                            },
                          },
                        ),
                    })
                  }
                >
                  New secret
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={`Delete ${webhook.name}`}
                  onClick={() =>
                    confirm.ask({
                      title: `Delete “${webhook.name}”?`,
                      body: 'The webhook and its delivery log are deleted; nothing more is sent to its address.',
                      confirmLabel: 'Delete webhook',
                      onConfirm: () => remove.mutate({ id: webhook.id }),
                    })
                  }
                >
                  Delete
                </Button>
              </div>
              )}
            />
          )}
        </div>
        <div className="flex flex-col gap-6">
          <Panel title="Add a webhook">
            <CreateForm onCreated={setSecret} />
          </Panel>
          <Panel title="Where webhooks may post">
            <PrivateTargetsSetting />
          </Panel>
        </div>
      </div>

      <section aria-labelledby="delivery-log" className="mt-8">
        <h2 id="delivery-log" className="mb-1 text-lg font-semibold text-slate-900">
          Delivery log
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          A failed delivery is tried again after 10 s, 1 min, 5 min, 30 min and 2 h, then marked failed. A slow or broken receiver never slows the app down.
          A receiver that could not be reached shows as “not delivered”, without network detail.
        </p>
        {deliveries.isPending ? (
          <LoadingState />
        ) : deliveries.isError ? (
          <ErrorState message={describeError(deliveries.error).message} onRetry={() => deliveries.refetch()} />
        ) : deliveries.data.length === 0 ? (
          <EmptyState title="Nothing delivered yet">Deliveries appear here when a request comes in, when you publish lane changes, or when you send a test.</EmptyState>
        ) : (
          <DataTable
            caption="Webhook deliveries, newest first"
            rows={deliveries.data}
            rowKey={(delivery) => delivery.id}
            columns={[
              { header: 'When', className: 'whitespace-nowrap', cell: (delivery) => formatTime(delivery.createdAt) },
              { header: 'Webhook', cell: (delivery) => delivery.webhookName },
              { header: 'Message', cell: (delivery) => delivery.summary },
              { header: 'Status', className: 'whitespace-nowrap', cell: (delivery) => <DeliveryStatus delivery={delivery} /> },
              {
                header: 'Last answer',
                className: 'max-w-sm text-xs',
                cell: (delivery) => delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : '—'),
              },
            ]}
            actions={(delivery) =>
              delivery.status === 'failed' && (
                <Button size="sm" variant="secondary" onClick={() => retry.mutate({ id: delivery.id })}>
                  Send again
                </Button>
              )
            }
          />
        )}
      </section>
      {confirm.dialog}
    </>
  );
}

function DeliveryStatus({ delivery }: { delivery: { status: string; attempts: number; nextAttemptAt: Date | null } }) {
  return (
    <>
      {delivery.status === 'delivered' ? (
        <Badge tone="green">Delivered</Badge>
      ) : delivery.status === 'failed' ? (
        <Badge tone="red">Failed</Badge>
      ) : delivery.attempts > 0 ? (
        <Badge tone="amber">Retrying</Badge>
      ) : (
        <Badge>Queued</Badge>
      )}
      <span className="block text-xs text-slate-600">
        {delivery.attempts} {delivery.attempts === 1 ? 'attempt' : 'attempts'}
        {delivery.status === 'pending' && delivery.nextAttemptAt ? `, next ${formatTime(delivery.nextAttemptAt)}` : ''}
      </span>
    </>
  );
}
