'use client';
// Correcting one evidence item: its excerpt (still words of its source), developer, kind and time
// cost, with the item's history of changes (who, what, when) below the form, and deleting it
// after a confirmation. Used wherever evidence is listed (the evidence page, a theme's page).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { ConfirmDialog } from '@/app/_components/confirm-dialog';
import { Dialog } from '@/app/_components/dialog';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { HISTORY_FIELD_LABELS } from '@/server/evidence/corrections';
import { EVIDENCE_KIND_LABELS, MAX_MINUTES_LOST, MAX_OCCURRENCES_PER_MONTH, SOURCE_LABELS } from '@/server/evidence/rules';
import { DEVELOPER_OPTIONS_INPUT } from './inputs';

type Kind = 'recurring' | 'single';
/** What the form reads of evidence.get's item. */
interface Item {
  id: string;
  excerpt: string;
  sourceKind: keyof typeof SOURCE_LABELS;
  participantId: string | null;
  participantName: string | null;
  kind: Kind;
  minutesLost: number | null;
  occurrencesPerMonth: number;
  severity: number | null;
}

const SEVERITY_OPTIONS = [
  { value: '1', label: '1 · minor (15 min)' },
  { value: '2', label: '2 · an hour' },
  { value: '3', label: '3 · half a day' },
  { value: '4', label: '4 · two days' },
  { value: '5', label: '5 · blocked' },
];

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A number field's text as the procedure expects it: empty is null, anything else a number (NaN is refused by the server, naming the field). */
const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));

function CorrectionForm({ item, onSaved, onDelete }: { item: Item; onSaved: () => void; onDelete: () => void }) {
  const trpc = useTRPC();
  const participants = useQuery(trpc.participants.list.queryOptions(DEVELOPER_OPTIONS_INPUT));
  // The fields are named as the procedure names them, so the server's messages land on them.
  const correct = useFormMutation({
    initialValues: {
      excerpt: item.excerpt,
      participantId: item.participantId ?? '',
      kind: item.kind,
      minutesLost: item.minutesLost === null ? '' : String(item.minutesLost),
      occurrencesPerMonth: item.kind === 'recurring' ? String(item.occurrencesPerMonth) : '',
      severity: item.severity === null ? '' : String(item.severity),
    },
    mutation: trpc.evidence.correct.mutationOptions(),
    toInput: (values) => ({
      id: item.id,
      excerpt: values.excerpt,
      participantId: values.participantId || null,
      kind: values.kind,
      minutesLost: toNumber(values.minutesLost),
      occurrencesPerMonth: values.kind === 'recurring' ? toNumber(values.occurrencesPerMonth) : null,
      severity: values.severity ? Number(values.severity) : null,
    }),
    onSuccess: onSaved,
  });
  const { kind } = correct.values;
  const kindError = correct.errorFor('kind');
  const rateError = correct.errorFor('occurrencesPerMonth');
  const developerOptions = (participants.data?.rows ?? []).map((row) => ({ value: row.id, label: row.displayName }));
  if (item.participantId && item.participantName && !developerOptions.some((option) => option.value === item.participantId)) {
    developerOptions.unshift({ value: item.participantId, label: item.participantName });
  }

  return (
    <form noValidate aria-label="Correct evidence" className="flex flex-col gap-4" onSubmit={correct.submit}>
      <FormError {...correct.formError} />
      <TextAreaField
        label="Excerpt"
        hint={`Words from the ${SOURCE_LABELS[item.sourceKind].toLowerCase()}; a new excerpt is checked against it.`}
        rows={3}
        {...correct.field('excerpt')}
      />
      <SelectField
        label="Developer"
        placeholder="Unattributed"
        options={developerOptions}
        {...correct.field('participantId')}
      />
      <fieldset aria-describedby={kindError ? 'kind-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">Kind</legend>
        <div className="flex flex-col gap-1 text-sm text-slate-800 sm:flex-row sm:gap-5">
          {(['recurring', 'single'] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => correct.set('kind', value)} />
              {EVIDENCE_KIND_LABELS[value]}
              <span className="text-slate-600">{value === 'recurring' ? '(minutes × times a month)' : '(happened once, on its date)'}</span>
            </label>
          ))}
        </div>
        {kindError && (
          <p id="kind-error" className="mt-1 text-sm text-red-700">
            {kindError[0]}
          </p>
        )}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label="Minutes lost"
          type="number"
          inputMode="decimal"
          min={0}
          max={MAX_MINUTES_LOST}
          hint={kind === 'recurring' ? 'Each time it happens; empty: none' : 'Empty: no minutes'}
          {...correct.field('minutesLost')}
        />
        {kind === 'recurring' && (
          <TextField
            label="Occurrences per month"
            type="number"
            inputMode="decimal"
            min={0}
            max={MAX_OCCURRENCES_PER_MONTH}
            step="any"
            {...correct.field('occurrencesPerMonth')}
          />
        )}
        <SelectField
          label="Severity"
          hint="Stands in when there are no minutes"
          placeholder="None"
          options={SEVERITY_OPTIONS}
          {...correct.field('severity')}
        />
      </div>
      {kind === 'single' && rateError && <p className="text-sm text-red-700">{rateError[0]}</p>}
      <div className="flex flex-wrap justify-between gap-2">
        <Button type="submit" isBusy={correct.isPending}>
          Save correction
        </Button>
        <Button variant="danger" onClick={onDelete}>
          Delete evidence…
        </Button>
      </div>
    </form>
  );
}

function History({ id }: { id: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.evidence.history.queryOptions({ id }));
  if (history.isPending) return <LoadingState label="Loading the history…" />;
  if (history.isError) return <ErrorState message={describeError(history.error).message} onRetry={() => history.refetch()} />;
  if (history.data.length === 0) return <p className="text-sm text-slate-600">Not corrected since it was saved.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Changes to this evidence item, newest first</caption>
        <thead>
          <tr className="text-slate-700">
            <th scope="col" className="py-1 pr-3 font-medium">When</th>
            <th scope="col" className="py-1 pr-3 font-medium">Who</th>
            <th scope="col" className="py-1 pr-3 font-medium">What</th>
            <th scope="col" className="py-1 font-medium">Change</th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 whitespace-nowrap text-slate-700">{WHEN.format(row.changedAt)}</td>
              <td className="py-1 pr-3 text-slate-700">{row.changedBy}</td>
              <td className="py-1 pr-3 text-slate-900">{HISTORY_FIELD_LABELS[row.field]}</td>
              <td className="py-1 break-words text-slate-900">
                {row.from} → {row.to}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The correction dialog of one evidence item (open while evidenceId is set). */
export function EvidenceEditor({ evidenceId, onClose }: { evidenceId: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isConfirming, setConfirming] = useState(false);
  const item = useQuery({ ...trpc.evidence.get.queryOptions({ id: evidenceId ?? '' }), enabled: Boolean(evidenceId) });
  // Every number of the inventory, theme pages and lists depends on evidence: refresh them all.
  const refresh = () => queryClient.invalidateQueries();
  const remove = useMutation(
    trpc.evidence.delete.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        onClose();
        await refresh();
        toast('Evidence deleted');
      },
    }),
  );

  return (
    <>
      <Dialog title="Correct evidence" isOpen={Boolean(evidenceId)} onClose={onClose}>
        {item.isPending ? (
          <LoadingState label="Loading the evidence…" />
        ) : item.isError ? (
          <ErrorState message={describeError(item.error).message} onRetry={() => item.refetch()} />
        ) : !item.data ? (
          <p className="text-sm text-slate-700">This evidence no longer exists.</p>
        ) : (
          <div className="flex flex-col gap-6">
            <CorrectionForm
              key={item.data.id}
              item={item.data}
              onSaved={async () => {
                onClose();
                await refresh();
                toast('Evidence corrected');
              }}
              onDelete={() => setConfirming(true)}
            />
            <section aria-labelledby="evidence-history">
              <h3 id="evidence-history" className="mb-2 text-sm font-semibold text-slate-900">
                History
              </h3>
              <History id={item.data.id} />
            </section>
          </div>
        )}
      </Dialog>
      <ConfirmDialog
        title="Delete this evidence?"
        isOpen={isConfirming}
        confirmLabel="Delete evidence"
        isBusy={remove.isPending}
        error={remove.error ? describeError(remove.error).message : null}
        onConfirm={() => evidenceId && remove.mutate({ id: evidenceId })}
        onCancel={() => setConfirming(false)}
      >
        <p>
          “{item.data?.excerpt.slice(0, 140)}” leaves every theme it is tagged into, and the ranking loses it. Its source (the interview, ticket or
          session) stays as it is. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
