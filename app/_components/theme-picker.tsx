'use client';
// Choose pain themes to tag evidence into, or write the statement of a new one.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../_trpc/client';
import { controlClass } from './field';

export interface ThemeChoice {
  themeIds: string[];
  newThemeTitle: string;
}

export function ThemePicker({ value, onChange, error }: { value: ThemeChoice; onChange: (value: ThemeChoice) => void; error?: string | null }) {
  const trpc = useTRPC();
  const themes = useQuery(trpc.themes.options.queryOptions());
  const toggle = (id: string) =>
    onChange({ ...value, themeIds: value.themeIds.includes(id) ? value.themeIds.filter((other) => other !== id) : [...value.themeIds, id] });

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">Pain themes</legend>
      {themes.data && themes.data.length > 0 ? (
        <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {themes.data.map((theme) => (
            <li key={theme.id}>
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" className="mt-0.5" checked={value.themeIds.includes(theme.id)} onChange={() => toggle(theme.id)} />
                <span>{theme.title}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        themes.data && <p className="text-sm text-slate-600">No themes yet. Write the first pain statement below.</p>
      )}
      <label className="text-sm text-slate-800">
        <span className="mb-1 block">New theme (optional)</span>
        <input
          className={controlClass}
          placeholder="e.g. Setting up a new service takes two days and needs four teams"
          value={value.newThemeTitle}
          onChange={(event) => onChange({ ...value, newThemeTitle: event.target.value })}
          aria-invalid={Boolean(error) || undefined}
        />
      </label>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
