'use client';
// Form fields: a label, the control, an optional hint and the error message, wired together
// for screen readers (aria-describedby, aria-invalid).
import { useId, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export const controlClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500 disabled:bg-slate-100';

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function Field({
  label,
  hint,
  error,
  children,
  className = '',
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[] | null;
  children: (props: ControlProps) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': message ? true : undefined })}
      {hint && !message && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}

type Common = { label: ReactNode; hint?: ReactNode; error?: string | string[] | null; className?: string };

export function TextField({ label, hint, error, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(props) => <input className={controlClass} {...input} {...props} />}
    </Field>
  );
}

export function TextAreaField({ label, hint, error, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(props) => <textarea className={controlClass} rows={4} {...input} {...props} />}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  className,
  options,
  placeholder,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(props) => (
        <select className={controlClass} {...select} {...props}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The message at the top of a form when a submission failed. When the server named fields and the
 * form marks one of them (aria-invalid), this only points at them; when it marks none (the server
 * named something the form shows no field for, e.g. an import's file), this says the message.
 */
export function FormError({ message, fieldErrors }: { message?: string | null; fieldErrors?: Record<string, string[]> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isFieldMarked, setIsFieldMarked] = useState(false);
  const hasFieldErrors = Boolean(fieldErrors && Object.keys(fieldErrors).length > 0);
  useLayoutEffect(() => {
    // Read from the rendered form before it is painted: only the DOM knows which fields show a message.
    setIsFieldMarked(hasFieldErrors && Boolean(ref.current?.closest('form')?.querySelector('[aria-invalid="true"]')));
  }, [message, fieldErrors, hasFieldErrors]);
  if (!message) return null;
  return (
    <div ref={ref} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {isFieldMarked ? 'Check the fields marked below.' : message}
    </div>
  );
}
