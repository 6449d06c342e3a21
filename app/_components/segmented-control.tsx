'use client';
// A segmented control: a WAI-ARIA radiogroup of a few buttons, one chosen. Roving tabindex: Tab
// reaches the chosen option only, arrow keys (and Home/End) move the choice and the focus.
import { useRef, type KeyboardEvent } from 'react';

export function SegmentedControl<Value extends string>({
  label,
  options,
  value,
  onChange,
  className = '',
}: {
  /** The group's accessible name ("What are you importing?"). */
  label: string;
  options: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  className?: string;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    options.findIndex((option) => option.value === value),
  );

  function choose(index: number) {
    const next = (index + options.length) % options.length;
    onChange(options[next].value);
    buttons.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: options.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    choose(moves[event.key]);
  }

  return (
    <div role="radiogroup" aria-label={label} className={`inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm ${className}`}>
      {options.map((option, index) => {
        const isChosen = index === current;
        return (
          <button
            key={option.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={isChosen}
            tabIndex={isChosen ? 0 : -1}
            onClick={() => choose(index)}
            onKeyDown={onKeyDown}
            className={`rounded px-3 py-1.5 font-medium ${isChosen ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
