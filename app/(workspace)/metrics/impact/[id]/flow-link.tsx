'use client';
// Which in-flow rating flow a shipped item changed (editors choose it): its ratings before and
// after the ship date are the third measure of the item's impact.
import { useRouter } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { FormError } from '@/app/_components/field';
import { useCanEdit } from '@/app/_components/session-context';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';

export function FlowLink({ itemId, flowId, flows }: { itemId: string; flowId: string | null; flows: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const canEdit = useCanEdit();
  const link = useFormMutation({
    initialValues: { flowId: flowId ?? '' },
    mutation: trpc.metrics.linkRatingFlow.mutationOptions(),
    toInput: (values) => ({ itemId, flowId: values.flowId || null }),
    onSuccess: () => router.refresh(),
  });
  const chosen = link.values.flowId;
  if (!canEdit) return null;
  if (flows.length === 0) return <p className="text-xs text-slate-600">Add a rating flow on the Ratings page to measure this item by its flow.</p>;
  return (
    <form className="mt-2 flex flex-wrap items-end gap-2" onSubmit={link.submit}>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        Flow this item changed
        <select value={chosen} onChange={(event) => link.set('flowId', event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
          <option value="">None</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={link.isPending || chosen === (flowId ?? '')}>
        Save
      </Button>
      <FormError message={link.error?.message} />
    </form>
  );
}
