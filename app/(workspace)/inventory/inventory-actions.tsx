'use client';
// The inventory's actions: freeze the ranking as a snapshot, share it read-only with a link,
// export it to Markdown or CSV, print it. Freezing and sharing are for editors.
import { formatDay } from '@/app/_components/format';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError, TextField } from '@/app/_components/field';
import { useCanEdit } from '@/app/_components/session-context';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
import { describeFilter, inventorySearchParams, type InventoryFilterInput, type InventorySort } from '@/server/inventory/inventory-params';

type Open = 'freeze' | 'share' | 'export' | null;

function FreezeForm({ filter, onDone }: { filter: InventoryFilterInput; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [frozen, setFrozen] = useState<{ id: string; title: string } | null>(null);
  const freeze = useFormMutation({
    initialValues: { title: `Ranking on ${formatDay(new Date())}` },
    mutation: trpc.inventory.freeze.mutationOptions(),
    toInput: (values) => ({ title: values.title, filter }),
    onSuccess: async (snapshot) => {
      await queryClient.invalidateQueries({ queryKey: trpc.inventory.snapshots.queryKey() });
      setFrozen(snapshot);
    },
  });
  if (frozen) {
    return (
      <div role="status" className="flex flex-col gap-3 text-sm text-slate-800">
        <p>
          Frozen as “{frozen.title}”. It will not change when evidence changes, so you can measure against it later.
        </p>
        <div className="flex gap-2">
          <Link href={`/inventory/snapshots/${frozen.id}`} className="font-medium text-brand-700 underline">
            Open the snapshot
          </Link>
          <Button variant="secondary" size="sm" onClick={onDone}>
            Close
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form noValidate aria-label="Freeze this ranking" className="flex flex-col gap-3" onSubmit={freeze.submit}>
      <FormError {...freeze.formError} />
      <p className="text-sm text-slate-700">
        Stores today’s ranking ({describeFilter(filter)}) as a baseline. Snapshots never change; compare the ranking with them
        after the platform team ships.
      </p>
      <TextField label="Snapshot name" {...freeze.field('title')} />
      <div>
        <Button type="submit" isBusy={freeze.isPending}>
          Freeze ranking
        </Button>
      </div>
    </form>
  );
}

function ShareForm({ filter }: { filter: InventoryFilterInput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [url, setUrl] = useState<string | null>(null);
  const create = useFormMutation({
    initialValues: { label: '' },
    mutation: trpc.inventory.createShare.mutationOptions(),
    toInput: (values) => ({ label: values.label, filter }),
    onSuccess: async (share) => {
      await queryClient.invalidateQueries({ queryKey: trpc.inventory.shares.queryKey() });
      setUrl(`${window.location.origin}${share.path}`);
    },
  });
  if (url) {
    return (
      <div role="status" className="flex flex-col gap-3 text-sm text-slate-800">
        <p className="font-medium">Copy the link now: it is shown only once.</p>
        <label className="flex flex-col gap-1">
          <span>Read-only link</span>
          <input readOnly value={url} className="rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs" onFocus={(event) => event.target.select()} />
        </label>
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(url);
                toast('Link copied');
              } catch {
                toast('Copying is blocked here: select the link and copy it yourself.', 'error');
              }
            }}
          >
            Copy link
          </Button>
          <Link href="/inventory/shares" className="self-center text-brand-700 underline">
            Manage share links
          </Link>
        </div>
      </div>
    );
  }
  return (
    <form noValidate aria-label="Share this ranking" className="flex flex-col gap-3" onSubmit={create.submit}>
      <FormError {...create.formError} />
      <p className="text-sm text-slate-700">
        Anyone with the link can read this ranking ({describeFilter(filter)}) without signing in, until you revoke it. Developer names
        are never shown: quotes read like “backend developer, 1-3 years, Team Payments”.
      </p>
      <TextField
        label="Who is it for"
        placeholder="Engineering leadership review"
        {...create.field('label')}
      />
      <div>
        <Button type="submit" isBusy={create.isPending}>
          Create link
        </Button>
      </div>
    </form>
  );
}

function ExportForm({ filter, sort }: { filter: InventoryFilterInput; sort: InventorySort }) {
  const [hasNames, setHasNames] = useState(false);
  const href = (format: 'markdown' | 'csv') =>
    `/inventory/export?${inventorySearchParams(filter, { sort: sort === 'score' ? undefined : sort, format, names: hasNames ? '1' : undefined }).toString()}`;
  return (
    <div className="flex flex-col gap-4 text-sm text-slate-800">
      <p>The whole ranking with these filters ({describeFilter(filter)}), with each theme’s numbers and its two strongest quotes.</p>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-0.5" checked={hasNames} onChange={(event) => setHasNames(event.target.checked)} />
        <span>
          Include developer names
          <span className="block text-slate-600">Off: quotes are attributed by background, tenure and team only.</span>
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <a href={href('markdown')} download className="rounded-md bg-brand-600 px-3.5 py-2 font-medium text-white hover:bg-brand-700">
          Download Markdown
        </a>
        <a href={href('csv')} download className="rounded-md border border-slate-300 bg-white px-3.5 py-2 font-medium text-slate-800 hover:bg-slate-50">
          Download CSV
        </a>
      </div>
    </div>
  );
}

export function InventoryActions({ filter, sort }: { filter: InventoryFilterInput; sort: InventorySort }) {
  const canEdit = useCanEdit();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      {canEdit && (
        <>
          <Button onClick={() => setOpen('freeze')}>Freeze this ranking</Button>
          <Button variant="secondary" onClick={() => setOpen('share')}>
            Share
          </Button>
        </>
      )}
      <Button variant="secondary" onClick={() => setOpen('export')}>
        Export
      </Button>
      <Button variant="secondary" onClick={() => window.print()}>
        Print or PDF
      </Button>
      <Dialog title="Freeze this ranking" isOpen={open === 'freeze'} onClose={close}>
        <FreezeForm filter={filter} onDone={close} />
      </Dialog>
      <Dialog title="Share this ranking" isOpen={open === 'share'} onClose={close}>
        <ShareForm filter={filter} />
      </Dialog>
      <Dialog title="Export the inventory" isOpen={open === 'export'} onClose={close}>
        <ExportForm filter={filter} sort={sort} />
      </Dialog>
    </>
  );
}
