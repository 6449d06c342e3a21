'use client';
// A one-field form shown in place (rename a team, set a member's password): input, save, cancel.
import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';
import { controlClass } from './field';

export function InlineForm({
  label,
  initialValue = '',
  type = 'text',
  submitLabel,
  isPending,
  error,
  hint,
  onSubmit,
  onCancel,
}: {
  label: string;
  initialValue?: string;
  type?: 'text' | 'password';
  submitLabel: string;
  isPending: boolean;
  error?: string | null;
  /** Shown under the input while typing (e.g. a password's strength), given the current value. */
  hint?: (value: string) => ReactNode;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initialValue);
  const hintId = useId();
  return (
    <form
      className="mt-2 flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value);
      }}
    >
      <div>
        <input
          type={type}
          autoComplete={type === 'password' ? 'new-password' : undefined}
          aria-label={label}
          className={controlClass}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          // Opened by the user's own click, so moving focus into it is expected.
          autoFocus
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={hint ? hintId : undefined}
        />
        {hint && (
          <div id={hintId} className="mt-3 max-w-md text-xs text-slate-600">
            {hint(value)}
          </div>
        )}
        {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
      </div>
      <Button type="submit" size="sm" isBusy={isPending}>
        {submitLabel}
      </Button>
      <Button variant="ghost" size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}
