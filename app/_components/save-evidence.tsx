'use client';
// "Save as evidence": turns selected words of any source (an interview answer, a friction event,
// a ticket, a survey answer, a rating comment, a request) into evidence with its time cost,
// tagged into pain themes. Every channel feeds the pain inventory through this one form.
import { useQueryClient } from '@tanstack/react-query';
import type { RouterInputs } from '@/server/root';
import { useTRPC } from '@/app/_trpc/client';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError, TextAreaField, TextField } from './field';
import { ThemePicker, type ThemeChoice } from './theme-picker';
import { useToast } from './toast';
import { useFormMutation } from './use-form-mutation';

type CreateEvidenceInput = RouterInputs['evidence']['create'];

export interface EvidenceSourceRef {
  kind: CreateEvidenceInput['sourceKind'];
  id: string;
  anchor?: string | null;
  /** What the source is, for the dialog's title: "Interview with Ada Okafor, question 2". */
  label: string;
  excerpt: string;
  /** The developer the source belongs to; null when it has none (survey answers are anonymous). */
  participant: { id: string; name: string } | null;
  defaultMinutesLost?: number | null;
  /** Themes ticked when the dialog opens (a suggestion the person chose); they can still untick them. */
  themeIds?: string[];
}

const SEVERITY_LABELS = ['1 — minor (~15 min)', '2 — an hour', '3 — half a day', '4 — two days', '5 — blocked, more than two days'];

type CostMode = 'minutes' | 'severity' | 'unknown';

function SaveEvidenceForm({ source, onDone }: { source: EvidenceSourceRef; onDone: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useFormMutation({
    initialValues: {
      excerpt: source.excerpt,
      isAttributed: Boolean(source.participant),
      mode: (source.defaultMinutesLost != null ? 'minutes' : 'unknown') as CostMode,
      minutes: source.defaultMinutesLost != null ? String(source.defaultMinutesLost) : '',
      occurrences: '1',
      severity: null as number | null,
      themeIds: source.themeIds ?? [],
      newThemeTitle: '',
    },
    mutation: trpc.evidence.create.mutationOptions(),
    toInput: (values) => {
      const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
      return {
        sourceKind: source.kind,
        sourceId: source.id,
        anchor: source.anchor ?? null,
        excerpt: values.excerpt,
        participantId: values.isAttributed && source.participant ? source.participant.id : null,
        minutesLost: values.mode === 'minutes' ? toNumber(values.minutes) : null,
        occurrencesPerMonth: values.mode === 'unknown' ? 1 : toNumber(values.occurrences),
        severity: values.mode === 'severity' ? (values.severity ?? Number.NaN) : null,
        themeIds: values.themeIds,
        newThemeTitle: values.newThemeTitle.trim() || null,
      };
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
      toast('Saved as evidence');
      onDone(result.id);
    },
  });
  const { values, errorFor } = form;
  const themes: ThemeChoice = values;

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4" aria-label="Save as evidence">
      <FormError {...form.formError} />
      <TextAreaField label="Excerpt" rows={3} {...form.field('excerpt')} hint="Words from the source that show the friction." />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Developer</legend>
        {source.participant ? (
          <div className="flex flex-col gap-1 text-sm text-slate-800">
            <label className="flex items-center gap-2">
              <input type="radio" name="attribution" checked={values.isAttributed} onChange={() => form.set('isAttributed', true)} />
              {source.participant.name}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="attribution" checked={!values.isAttributed} onChange={() => form.set('isAttributed', false)} />
              Unattributed (counts as a mention, not as an affected developer)
            </label>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Unattributed: it counts as a mention beside the affected developers.</p>
        )}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Time lost</legend>
        <div className="flex flex-wrap gap-4 text-sm text-slate-800">
          {(
            [
              ['minutes', 'Minutes per occurrence'],
              ['severity', 'Severity 1-5'],
              ['unknown', 'Not known'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="cost-mode" checked={values.mode === value} onChange={() => form.set('mode', value)} />
              {label}
            </label>
          ))}
        </div>
        {values.mode === 'minutes' && (
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <TextField label="Minutes lost each time" type="number" min={0} inputMode="decimal" {...form.field('minutes')} error={errorFor('minutesLost')} />
            <TextField label="Times per month" type="number" min={0} inputMode="decimal" {...form.field('occurrences')} error={errorFor('occurrencesPerMonth')} />
          </div>
        )}
        {values.mode === 'severity' && (
          <div className="mt-3 flex flex-col gap-1 text-sm text-slate-800">
            {SEVERITY_LABELS.map((label, index) => (
              <label key={label} className="flex items-center gap-2">
                <input type="radio" name="severity" checked={values.severity === index + 1} onChange={() => form.set('severity', index + 1)} />
                {label}
              </label>
            ))}
            {errorFor('severity') && <p className="text-sm text-red-700">{errorFor('severity')?.[0]}</p>}
            <TextField className="mt-2 sm:w-1/2" label="Times per month" type="number" min={0} inputMode="decimal" {...form.field('occurrences')} error={errorFor('occurrencesPerMonth')} />
          </div>
        )}
      </fieldset>
      <ThemePicker
        value={themes}
        onChange={(next) => {
          form.set('themeIds', next.themeIds);
          form.set('newThemeTitle', next.newThemeTitle);
        }}
        error={errorFor('newThemeTitle')?.[0] ?? errorFor('themeIds')?.[0]}
      />
      <div>
        <Button type="submit" isBusy={form.isPending}>
          Save evidence
        </Button>
      </div>
    </form>
  );
}

/** The dialog around the form; open it with the words a person selected in a source. */
export function SaveEvidenceDialog({ source, onClose, onSaved }: { source: EvidenceSourceRef | null; onClose: () => void; onSaved?: (id: string) => void }) {
  return (
    <Dialog title={source ? `Save as evidence — ${source.label}` : 'Save as evidence'} isOpen={Boolean(source)} onClose={onClose}>
      {source && (
        <SaveEvidenceForm
          key={`${source.kind}:${source.id}:${source.anchor ?? ''}:${source.excerpt}:${(source.themeIds ?? []).join(',')}`}
          source={source}
          onDone={(id) => {
            onSaved?.(id);
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}
