'use client';
// The one way to choose pain themes: a type-ahead box (ARIA combobox with a listbox) that filters
// the themes as you type, moves with the arrow keys, picks with Enter and closes with Escape; the
// chosen themes show as removable chips above it. Where a new theme may be written (tagging
// evidence), the last option creates one from the words typed. One or many themes (`isSingle`).
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTRPC } from '@/app/_trpc/client';
import { controlClass } from './field';

export interface ThemeChoice {
  themeIds: string[];
  newThemeTitle: string;
}

interface ThemeOption {
  id: string;
  title: string;
}

const MAX_SHOWN = 50;
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Themes whose statement holds every word typed, in any order; all of them for an empty box. */
export function filterThemes<T extends ThemeOption>(themes: T[], typed: string): T[] {
  const words = normalize(typed).split(' ').filter(Boolean);
  return themes.filter((theme) => {
    const title = normalize(theme.title);
    return words.every((word) => title.includes(word));
  });
}

export function ThemePicker({
  value,
  onChange,
  error,
  label = 'Pain themes',
  hint,
  canCreate = true,
  isSingle = false,
  excludeIds = [],
  knownThemes = [],
}: {
  value: ThemeChoice;
  onChange: (value: ThemeChoice) => void;
  error?: string | null;
  label?: string;
  hint?: string;
  /** Offer "Create theme “…”" for words that match no theme (sets `newThemeTitle`). */
  canCreate?: boolean;
  /** One theme at most: picking another replaces it. */
  isSingle?: boolean;
  excludeIds?: string[];
  /** Titles of chosen themes that are not offered (archived ones still linked). */
  knownThemes?: ThemeOption[];
}) {
  const trpc = useTRPC();
  const themes = useQuery(trpc.themes.options.queryOptions());
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const offered = useMemo(() => (themes.data ?? []).filter((theme) => !excludeIds.includes(theme.id)), [themes.data, excludeIds]);
  const titleOf = (themeId: string) => [...offered, ...knownThemes].find((theme) => theme.id === themeId)?.title ?? 'Theme';
  const matches = filterThemes(offered, typed).slice(0, MAX_SHOWN);
  const trimmed = typed.replace(/\s+/g, ' ').trim();
  const canOfferCreate = canCreate && trimmed.length > 0 && !offered.some((theme) => normalize(theme.title) === normalize(trimmed));
  const options: { key: string; label: string; themeId: string | null }[] = [
    ...matches.map((theme) => ({ key: theme.id, label: theme.title, themeId: theme.id })),
    ...(canOfferCreate ? [{ key: 'create', label: `Create theme “${trimmed}”`, themeId: null }] : []),
  ];
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  function choose(index: number) {
    const option = options[index];
    if (!option) return;
    if (option.themeId === null) onChange({ themeIds: isSingle ? [] : value.themeIds, newThemeTitle: trimmed });
    else if (value.themeIds.includes(option.themeId)) onChange({ ...value, themeIds: value.themeIds.filter((other) => other !== option.themeId) });
    else onChange({ newThemeTitle: isSingle ? '' : value.newThemeTitle, themeIds: isSingle ? [option.themeId] : [...value.themeIds, option.themeId] });
    setTyped('');
    setActive(0);
    // The list closes so that what follows (the form's button) is in reach; typing or ↓ opens it again.
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!isOpen) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter' && isOpen && options.length > 0) {
      // Enter picks the option rather than sending the form.
      event.preventDefault();
      choose(activeIndex);
    } else if (event.key === 'Escape' && isOpen) {
      // Closes the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && typed === '' && !isSingle) {
      if (value.newThemeTitle) onChange({ ...value, newThemeTitle: '' });
      else if (value.themeIds.length > 0) onChange({ ...value, themeIds: value.themeIds.slice(0, -1) });
    }
  }

  const chips = [
    ...value.themeIds.map((themeId) => ({ key: themeId, label: titleOf(themeId), remove: () => onChange({ ...value, themeIds: value.themeIds.filter((other) => other !== themeId) }) })),
    ...(value.newThemeTitle ? [{ key: 'new', label: `New: ${value.newThemeTitle}`, remove: () => onChange({ ...value, newThemeTitle: '' }) }] : []),
  ];

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-input`} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {chips.length > 0 && (
        <ul aria-label={`Chosen ${label.toLowerCase()}`} className="flex flex-wrap gap-1.5">
          {chips.map((chip) => (
            <li key={chip.key} className="flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-sm text-brand-800 ring-1 ring-brand-100">
              <span>{chip.label}</span>
              <button type="button" onClick={chip.remove} aria-label={`Remove ${chip.label}`} className="rounded-full px-1.5 text-brand-800 hover:bg-brand-100">
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <input
          ref={inputRef}
          id={`${id}-input`}
          role="combobox"
          aria-expanded={isOpen}
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={isOpen && options.length > 0 ? optionId(activeIndex) : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          aria-invalid={Boolean(error) || undefined}
          autoComplete="off"
          className={controlClass}
          placeholder={canCreate ? 'Type to find a theme, or write a new pain statement' : 'Type to find a theme'}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          // A click on an option lands before the box loses focus (mousedown is prevented there).
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {isOpen && (
          <ul
            id={`${id}-listbox`}
            role="listbox"
            aria-label={label}
            aria-multiselectable={!isSingle || undefined}
            className="mt-1 max-h-56 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-sm"
          >
            {options.length === 0 ? (
              <li role="presentation" className="px-3 py-2 text-sm text-slate-600">
                {themes.isPending ? 'Loading themes…' : offered.length === 0 ? 'No themes yet: type a pain statement to create the first.' : 'No theme matches these words.'}
              </li>
            ) : (
              options.map((option, index) => {
                const isChosen = option.themeId !== null && value.themeIds.includes(option.themeId);
                return (
                  <li
                    key={option.key}
                    id={optionId(index)}
                    role="option"
                    aria-selected={isChosen}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(index)}
                    onMouseEnter={() => setActive(index)}
                    className={`flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm ${index === activeIndex ? 'bg-brand-50 text-brand-800' : 'text-slate-800'} ${option.themeId === null ? 'font-medium text-brand-800' : ''}`}
                  >
                    <span aria-hidden className="w-4 shrink-0 text-brand-700">
                      {isChosen ? '✓' : option.themeId === null ? '+' : ''}
                    </span>
                    <span>{option.label}</span>
                  </li>
                );
              })
            )}
          </ul>
        )}
      </div>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
