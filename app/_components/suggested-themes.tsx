'use client';
// The tag dialog's suggestions: themes the selected evidence seems to fit, with the words that made
// it fit. Choosing one only ticks it in the picker; the person still presses Tag.
import { useQuery } from '@tanstack/react-query';
import { Button } from './button';
import { useTRPC } from '@/app/_trpc/client';

export function SuggestedThemes({ evidenceIds, chosen, onChoose }: { evidenceIds: string[]; chosen: string[]; onChoose: (themeId: string) => void }) {
  const trpc = useTRPC();
  const suggestions = useQuery(trpc.themes.suggestions.queryOptions({ evidenceIds: evidenceIds.slice(0, 500) }));
  // One line per theme: how many of the selected items fit it, and the words they share with it.
  const byTheme = new Map<string, { title: string; count: number; score: number; words: string[] }>();
  for (const item of suggestions.data?.fits ?? []) {
    for (const fit of item.fits) {
      const entry = byTheme.get(fit.themeId) ?? { title: fit.themeTitle, count: 0, score: 0, words: [] };
      entry.count += 1;
      entry.score += fit.score;
      entry.words = [...new Set([...entry.words, ...fit.words])].slice(0, 5);
      byTheme.set(fit.themeId, entry);
    }
  }
  const ranked = [...byTheme.entries()].sort((a, b) => b[1].count - a[1].count || b[1].score - a[1].score).slice(0, 3);
  if (ranked.length === 0) return null;
  return (
    <section aria-label="Suggested themes" className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <h3 className="text-sm font-medium text-slate-900">Suggested</h3>
      <ul className="mt-2 flex flex-col gap-2">
        {ranked.map(([themeId, entry]) => (
          <li key={themeId} className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-800">
            <span className="min-w-0 flex-1">
              Fits theme <strong className="font-medium">{entry.title}</strong>
              {evidenceIds.length > 1 && ` (${entry.count} of ${evidenceIds.length})`}: shares {entry.words.map((word) => `“${word}”`).join(', ')}
            </span>
            <Button
              size="sm"
              variant="secondary"
              aria-pressed={chosen.includes(themeId)}
              aria-label={`${chosen.includes(themeId) ? 'Chosen' : 'Choose'}: “${entry.title}”`}
              onClick={() => onChoose(themeId)}
            >
              {chosen.includes(themeId) ? 'Chosen' : 'Choose'}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
