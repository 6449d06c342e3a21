'use client';
// Turns tickets (one, a selection, or a whole repeat-question cluster) into evidence tagged to a
// pain theme in one step: one evidence item per ticket, attributed to its requester. The wait is
// shown as context ("waited 3 days"), never taken as time lost; the PM chooses the time: none
// (the default unless a category rule exists), the category rule, minutes typed, or the working
// hours of the wait.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FormError, TextField } from '@/app/_components/field';
import { ThemePicker, type ThemeChoice } from '@/app/_components/theme-picker';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
import { formatWait } from '@/server/tickets/wait-time';

export interface TicketSelection {
  label: string;
  ticketIds: string[];
}

type TimeChoice = 'none' | 'category_rule' | 'entered' | 'working_hours';

const hours = (minutes: number) => {
  const value = minutes / 60;
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} h`;
};

function ToEvidenceForm({ selection, onDone }: { selection: TicketSelection; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const options = useQuery(trpc.tickets.timeOptions.queryOptions({ ticketIds: selection.ticketIds }));
  const hasRule = (options.data?.ticketsWithRule ?? 0) > 0;
  // No time is the default, unless a category of these tickets has a time rule.
  const choiceOf = (picked: TimeChoice | null): TimeChoice => picked ?? (hasRule ? 'category_rule' : 'none');
  const save = useFormMutation({
    initialValues: { themeIds: [] as string[], newThemeTitle: '', picked: null as TimeChoice | null, minutes: '' },
    mutation: trpc.tickets.toEvidence.mutationOptions(),
    toInput: (values) => ({
      ticketIds: selection.ticketIds,
      themeIds: values.themeIds,
      newThemeTitle: values.newThemeTitle.trim() || null,
      timeChoice: choiceOf(values.picked),
      minutesLost: choiceOf(values.picked) === 'entered' ? (values.minutes.trim() === '' ? null : Number(values.minutes)) : null,
    }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries();
      const theme = result.themes[0];
      toast(
        `${result.created + result.alreadyEvidence} ticket${result.created + result.alreadyEvidence === 1 ? '' : 's'} in "${theme?.title ?? 'the theme'}": ${theme?.affectedDevelopers ?? 0} affected developers`,
      );
      onDone();
    },
  });
  const choice = choiceOf(save.values.picked);
  const themes: ThemeChoice = save.values;
  const error = save.error;

  const data = options.data;
  const ruled = data?.categories.filter((category) => category.minutesPerTicket !== null) ?? [];
  const unruled = (data?.tickets ?? 0) - (data?.ticketsWithRule ?? 0);
  const option = (value: TimeChoice, label: string, detail: string | null, isDisabled = false) => (
    <label className={`flex items-start gap-2 ${isDisabled ? 'text-slate-500' : ''}`}>
      <input type="radio" name="ticket-cost" className="mt-1" value={value} checked={choice === value} disabled={isDisabled} onChange={() => save.set('picked', value)} />
      <span>
        {label}
        {detail && <span className="block text-xs text-slate-600">{detail}</span>}
      </span>
    </label>
  );

  return (
    <form onSubmit={save.submit} noValidate aria-label="Turn tickets into evidence" className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Each of the {selection.ticketIds.length.toLocaleString('en')} tickets becomes one evidence item, attributed to the developer who asked. A ticket that is
        already evidence is tagged into the theme instead of being added twice.
      </p>
      {data?.waitText && (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <strong className="font-semibold">The median ticket {data.waitText}</strong>
          {data.longestWaitMinutes !== null && data.tickets > 1 && ` (the longest ${formatWait(data.longestWaitMinutes)})`}. That is context, not time
          lost: nights, weekends and the work done meanwhile are not lost.
        </p>
      )}
      <FormError {...save.formError} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Time lost per ticket</legend>
        <div className="flex flex-col gap-2 text-sm text-slate-800">
          {option('none', 'No time', 'Counts the developers who asked (frequency only).')}
          {option(
            'category_rule',
            'The category rule',
            hasRule
              ? `${ruled.map((category) => `${category.category}: ${category.minutesPerTicket} min per ticket`).join('; ')}${unruled > 0 ? `. ${unruled} ticket${unruled === 1 ? '' : 's'} without a rule get no time.` : '.'}`
              : 'No category of these tickets has a time yet: set one under “Time per ticket, by category”.',
            !hasRule,
          )}
          {option('entered', 'Minutes I type, the same for every ticket', null)}
          {option(
            'working_hours',
            'Working hours of the wait',
            data?.medianWorkingMinutes != null
              ? `At most 8 h per working day, Monday to Friday: ${hours(data.medianWorkingMinutes)} for the median ticket. Only if the developer was really blocked that long.`
              : 'At most 8 h per working day, Monday to Friday.',
          )}
        </div>
        {choice === 'entered' && (
          <TextField
            className="mt-2 sm:w-1/2"
            label="Minutes lost per ticket"
            type="number"
            min={0}
            inputMode="decimal"
            {...save.field('minutes')}
            error={save.errorFor('minutesLost')}
          />
        )}
      </fieldset>
      <ThemePicker
        value={themes}
        onChange={(next) => {
          save.set('themeIds', next.themeIds);
          save.set('newThemeTitle', next.newThemeTitle);
        }}
        error={error?.fieldErrors.newThemeTitle?.[0] ?? error?.fieldErrors.themeIds?.[0]} />
      <div>
        <Button type="submit" isBusy={save.isPending}>
          Save {selection.ticketIds.length.toLocaleString('en')} as evidence
        </Button>
      </div>
    </form>
  );
}

export function ToEvidenceDialog({ selection, onClose }: { selection: TicketSelection | null; onClose: () => void }) {
  return (
    <Dialog title={selection ? `Into the pain inventory — ${selection.label}` : 'Into the pain inventory'} isOpen={Boolean(selection)} onClose={onClose}>
      {selection && <ToEvidenceForm key={selection.ticketIds.join(',')} selection={selection} onDone={onClose} />}
    </Dialog>
  );
}
