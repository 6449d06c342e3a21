'use client';
// "Fits theme X: shares these words" beside a text that is not evidence yet (a survey answer, a
// request), with "Save as evidence in this theme", which opens the usual save dialog with the theme
// ticked: nothing is tagged until the person saves; and "Not this theme", which dismisses the fit
// for good. The shared words are marked the same way everywhere suggestions appear.
import { describeError } from '@/app/_trpc/client';
import { Button } from './button';
import { useToast } from './toast';

export interface ThemeFitView {
  themeId: string;
  themeTitle: string;
  words: string[];
}

/** What a "Not this theme" mutation does once answered: show the fits again without it, and say so. */
export function useDismissFitCallbacks(refetchFits: () => Promise<unknown>) {
  const toast = useToast();
  return {
    onSuccess: async () => {
      await refetchFits();
      toast('Suggestion dismissed');
    },
    onError: (error: unknown) => toast(describeError(error).message, 'error'),
  };
}

/** The shared words of a suggestion, each marked so the eye finds them. */
export function SharedWords({ words }: { words: string[] }) {
  return (
    <>
      {words.map((word, index) => (
        <span key={word}>
          {index > 0 && (index === words.length - 1 ? ' and ' : ', ')}
          <mark className="rounded bg-amber-100 px-1 text-slate-900">{word}</mark>
        </span>
      ))}
    </>
  );
}

export function ThemeFits({ fits, label, canSave, onSave, onDismiss }: {
  fits: ThemeFitView[];
  label: string;
  canSave: boolean;
  onSave: (fit: ThemeFitView) => void;
  /** "Not this theme": the fit is not offered beside this text again. */
  onDismiss: (fit: ThemeFitView) => void;
}) {
  if (fits.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-col gap-2" aria-label={`Suggested themes for “${label}”`}>
      {fits.map((fit) => (
        <li key={fit.themeId} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
          <span className="min-w-0 flex-1 text-slate-800">
            Fits theme <strong className="font-medium">{fit.themeTitle}</strong>: shares <SharedWords words={fit.words} />
          </span>
          {canSave && (
            <span className="flex flex-wrap gap-2">
              <Button size="sm" variant="secondary" aria-label={`Save as evidence in this theme: “${fit.themeTitle}” for “${label}”`} onClick={() => onSave(fit)}>
                Save as evidence in this theme
              </Button>
              <Button size="sm" variant="ghost" aria-label={`Not this theme: “${fit.themeTitle}” for “${label}”`} onClick={() => onDismiss(fit)}>
                Not this theme
              </Button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
