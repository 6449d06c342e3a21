'use client';
// Turns tickets (one, a selection, or a whole repeat-question cluster) into evidence tagged to a
// pain theme in one step: one evidence item per ticket, attributed to its requester, with the
// ticket's wait as its time cost unless the PM enters another.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { Dialog } from '../../_components/dialog';
import { FormError, TextField } from '../../_components/field';
import { ThemePicker, type ThemeChoice } from '../../_components/theme-picker';
import { useToast } from '../../_components/toast';
import { describeError, useTRPC } from '../../_trpc/client';

export interface TicketSelection {
  label: string;
  ticketIds: string[];
}

function ToEvidenceForm({ selection, onDone }: { selection: TicketSelection; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [themes, setThemes] = useState<ThemeChoice>({ themeIds: [], newThemeTitle: '' });
  const [isCustom, setCustom] = useState(false);
  const [minutes, setMinutes] = useState('');
  const save = useMutation(
    trpc.tickets.toEvidence.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        const theme = result.themes[0];
        toast(
          `${result.created + result.alreadyEvidence} ticket${result.created + result.alreadyEvidence === 1 ? '' : 's'} in "${theme?.title ?? 'the theme'}": ${theme?.affectedDevelopers ?? 0} affected developers`,
        );
        onDone();
      },
    }),
  );
  const error = save.error ? describeError(save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      ticketIds: selection.ticketIds,
      themeIds: themes.themeIds,
      newThemeTitle: themes.newThemeTitle.trim() || null,
      minutesLost: isCustom ? (minutes.trim() === '' ? Number.NaN : Number(minutes)) : null,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Turn tickets into evidence" className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Each of the {selection.ticketIds.length.toLocaleString('en')} tickets becomes one evidence item, attributed to the developer who asked. A ticket that is
        already evidence is tagged into the theme instead of being added twice.
      </p>
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">Time lost per ticket</legend>
        <div className="flex flex-col gap-1 text-sm text-slate-800">
          <label className="flex items-center gap-2">
            <input type="radio" name="ticket-cost" checked={!isCustom} onChange={() => setCustom(false)} />
            No time: counts the developers who asked (how long a ticket stayed open is not time lost)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="ticket-cost" checked={isCustom} onChange={() => setCustom(true)} />
            The same number of minutes for every ticket
          </label>
        </div>
        {isCustom && (
          <TextField
            className="mt-2 sm:w-1/2"
            label="Minutes lost per ticket"
            type="number"
            min={0}
            inputMode="decimal"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            error={error?.fieldErrors.minutesLost}
          />
        )}
      </fieldset>
      <ThemePicker value={themes} onChange={setThemes} error={error?.fieldErrors.newThemeTitle?.[0] ?? error?.fieldErrors.themeIds?.[0]} />
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
