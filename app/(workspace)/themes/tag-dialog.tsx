'use client';
// Tag one or many evidence items into pain themes, or into a new theme written on the spot.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../_components/button';
import { Dialog } from '../../_components/dialog';
import { FormError } from '../../_components/field';
import { ThemePicker, type ThemeChoice } from '../../_components/theme-picker';
import { useToast } from '../../_components/toast';
import { describeError, useTRPC } from '../../_trpc/client';

function TagForm({ evidenceIds, onDone }: { evidenceIds: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [choice, setChoice] = useState<ThemeChoice>({ themeIds: [], newThemeTitle: '' });
  const tag = useMutation(
    trpc.evidence.tag.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
        toast(evidenceIds.length === 1 ? 'Evidence tagged' : `${evidenceIds.length} evidence items tagged`);
        onDone();
      },
    }),
  );
  const error = tag.error ? describeError(tag.error) : null;
  // Problems with the themes show at the picker; anything else (evidence gone) above the form.
  const themeError = error?.fieldErrors.newThemeTitle?.[0] ?? error?.fieldErrors.themeIds?.[0] ?? null;
  return (
    <form
      noValidate
      aria-label="Tag evidence"
      className="flex flex-col gap-4"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        tag.mutate({ evidenceIds, themeIds: choice.themeIds, newThemeTitle: choice.newThemeTitle.trim() || null });
      }}
    >
      <FormError message={themeError ? null : error?.message} />
      <ThemePicker value={choice} onChange={setChoice} error={themeError} />
      <div>
        <Button type="submit" isBusy={tag.isPending}>
          Tag {evidenceIds.length === 1 ? 'evidence' : `${evidenceIds.length} items`}
        </Button>
      </div>
    </form>
  );
}

export function TagDialog({ evidenceIds, onClose, onTagged }: { evidenceIds: string[] | null; onClose: () => void; onTagged?: () => void }) {
  const count = evidenceIds?.length ?? 0;
  return (
    <Dialog title={count === 1 ? 'Tag into pain themes' : `Tag ${count} items into pain themes`} isOpen={Boolean(evidenceIds)} onClose={onClose}>
      {evidenceIds && (
        <TagForm
          key={evidenceIds.join(',')}
          evidenceIds={evidenceIds}
          onDone={() => {
            onTagged?.();
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}
