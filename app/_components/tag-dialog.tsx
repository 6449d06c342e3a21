'use client';
// The one dialog to tag evidence into pain themes: existing ones picked in the type-ahead box, the
// suggested ones, or a new theme written in the same box. A new theme and its tags are one request
// (`evidence.tag` with `newThemeTitle`) and one transaction: no theme is left behind without its
// evidence when tagging fails.
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError } from './field';
import { SuggestedThemes } from './suggested-themes';
import { ThemePicker, type ThemeChoice } from './theme-picker';
import { useToast } from './toast';
import { useFormMutation } from './use-form-mutation';

function TagForm({ evidenceIds, onDone }: { evidenceIds: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tag = useFormMutation({
    initialValues: { themeIds: [] as string[], newThemeTitle: '' },
    mutation: trpc.evidence.tag.mutationOptions(),
    toInput: (choice) => ({ evidenceIds, themeIds: choice.themeIds, newThemeTitle: choice.newThemeTitle.trim() || null }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.themes.pathKey() });
      toast(result.added === 0 ? 'Already tagged: nothing changed' : evidenceIds.length === 1 ? 'Evidence tagged' : `${evidenceIds.length} evidence items tagged`);
      onDone();
    },
  });
  const choice: ThemeChoice = tag.values;
  const error = tag.error;
  // Problems with the themes show at the picker; anything else (evidence gone) above the form.
  const themeError = error?.fieldErrors.newThemeTitle?.[0] ?? error?.fieldErrors.themeIds?.[0] ?? null;
  return (
    <form
      noValidate
      aria-label="Tag into themes"
      className="flex flex-col gap-4"
      onSubmit={tag.submit}
    >
      <FormError message={themeError ? null : error?.message} />
      <SuggestedThemes
        evidenceIds={evidenceIds}
        chosen={choice.themeIds}
        onChoose={(themeId) =>
          tag.set('themeIds', choice.themeIds.includes(themeId) ? choice.themeIds.filter((id) => id !== themeId) : [...choice.themeIds, themeId])
        }
      />
      <ThemePicker
        value={choice}
        onChange={(next) => {
          tag.set('themeIds', next.themeIds);
          tag.set('newThemeTitle', next.newThemeTitle);
        }}
        error={themeError}
      />
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
