'use client';
// Tag one or many evidence items into pain themes: existing ones, or a new statement.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { Dialog } from '../../_components/dialog';
import { FormError } from '../../_components/field';
import { ThemePicker, type ThemeChoice } from '../../_components/theme-picker';
import { useToast } from '../../_components/toast';
import { describeError, useTRPC } from '../../_trpc/client';
import { plural } from '../_listen/format';
import { SuggestedThemes } from './suggested-themes';

export function TagDialog({ evidenceIds, onClose, onTagged }: { evidenceIds: string[] | null; onClose: () => void; onTagged: () => void }) {
  return (
    <Dialog title={evidenceIds ? `Tag ${plural(evidenceIds.length, 'evidence item')} into themes` : 'Tag into themes'} isOpen={Boolean(evidenceIds)} onClose={onClose}>
      {evidenceIds && <TagForm evidenceIds={evidenceIds} onDone={() => { onTagged(); onClose(); }} />}
    </Dialog>
  );
}

function TagForm({ evidenceIds, onDone }: { evidenceIds: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [choice, setChoice] = useState<ThemeChoice>({ themeIds: [], newThemeTitle: '' });
  const createTheme = useMutation(trpc.themes.create.mutationOptions());
  const tag = useMutation(trpc.evidence.tag.mutationOptions());
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const isBusy = createTheme.isPending || tag.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const themeIds = [...choice.themeIds];
      if (choice.newThemeTitle.trim()) themeIds.push((await createTheme.mutateAsync({ title: choice.newThemeTitle })).id);
      const result = await tag.mutateAsync({ evidenceIds, themeIds });
      await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
      toast(result.added > 0 ? `Tagged ${plural(evidenceIds.length, 'evidence item')}` : 'Already tagged: nothing changed');
      onDone();
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Tag into themes" className="flex flex-col gap-4">
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <SuggestedThemes
        evidenceIds={evidenceIds}
        chosen={choice.themeIds}
        onChoose={(themeId) =>
          setChoice({ ...choice, themeIds: choice.themeIds.includes(themeId) ? choice.themeIds.filter((id) => id !== themeId) : [...choice.themeIds, themeId] })
        }
      />
      <ThemePicker value={choice} onChange={setChoice} error={error?.fieldErrors.title?.[0] ?? error?.fieldErrors.themeIds?.[0] ?? error?.fieldErrors.evidenceIds?.[0]} />
      <div>
        <Button type="submit" isBusy={isBusy}>
          Tag
        </Button>
      </div>
    </form>
  );
}
