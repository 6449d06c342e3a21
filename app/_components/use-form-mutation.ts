'use client';
// One way for a form to talk to a mutation: the typed values, the pending state, the server's
// message and its per-field messages, and what was typed kept when the server refuses it.
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { describeError, type ErrorDetails } from '@/app/_trpc/client';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

export interface FormMutation<TValues, TData, TVariables = unknown> {
  values: TValues;
  /** Changes one value (what the user typed or picked). */
  set: <K extends keyof TValues>(name: K, value: TValues[K]) => void;
  /** Puts the form back to its first values (or the ones given). */
  reset: (values?: TValues) => void;
  /** Props for a TextField, TextAreaField or SelectField bound to a text value. */
  field: (name: StringKeys<TValues>) => { name: string; value: string; onChange: (event: { target: { value: string } }) => void; error?: string[] };
  /** The server's message(s) for one field, from its per-field errors. */
  errorFor: (name: string) => string[] | undefined;
  /** Props for FormError above the fields. */
  formError: { message?: string | null; fieldErrors?: Record<string, string[]> };
  error: ErrorDetails | null;
  /** Forgets the server's last refusal (e.g. when the user starts over with another file). */
  clearError: () => void;
  isPending: boolean;
  /** What was last sent (e.g. to show which of two submit buttons is busy). */
  variables: TVariables | undefined;
  /** What the server returned for the last accepted send (e.g. links shown only once); undefined before one, while the next is pending, and after a refusal. */
  data: TData | undefined;
  submit: (event?: FormEvent) => void;
  /** Sends other values than the form's (e.g. a second button's variant); the form keeps its own. */
  submitWith: (values: TValues) => Promise<TData | undefined>;
}

/**
 * The form keeps its values until the server accepts them: on a refusal nothing is cleared, the
 * fields the server named show its messages, and the top of the form says what went wrong.
 * `resetOnSuccess` empties the form after a successful send (an "add another" form).
 * `fieldErrorPath` renames the server's per-field paths to the form's names when the input nests
 * them differently (e.g. an update sends `{ id, draft }` and is refused at `draft.title`).
 */
export function useFormMutation<TValues extends object, TVariables, TData = unknown, TError = unknown, TContext = unknown>(options: {
  initialValues: TValues;
  mutation: UseMutationOptions<TData, TError, TVariables, TContext>;
  toInput: (values: TValues) => TVariables;
  resetOnSuccess?: boolean;
  onSuccess?: (data: TData, values: TValues) => unknown;
  fieldErrorPath?: (path: string) => string;
}): FormMutation<TValues, TData, TVariables> {
  const { initialValues, toInput, resetOnSuccess, onSuccess, fieldErrorPath } = options;
  const [values, setValues] = useState<TValues>(initialValues);
  const mutation = useMutation(options.mutation);
  const described = mutation.error ? describeError(mutation.error) : null;
  const error =
    described && fieldErrorPath
      ? { ...described, fieldErrors: Object.fromEntries(Object.entries(described.fieldErrors).map(([path, messages]) => [fieldErrorPath(path), messages])) }
      : described;
  const fieldErrors = error?.fieldErrors;

  const set = useCallback(<K extends keyof TValues>(name: K, value: TValues[K]) => setValues((current) => ({ ...current, [name]: value })), []);
  const errorFor = (name: string) => fieldErrors?.[name];

  async function submitWith(sent: TValues): Promise<TData | undefined> {
    let data: TData;
    try {
      data = await mutation.mutateAsync(toInput(sent));
    } catch {
      // The mutation's error state holds the refusal; the form shows it and keeps every value.
      return undefined;
    }
    if (resetOnSuccess) setValues(initialValues);
    await onSuccess?.(data, sent);
    return data;
  }

  return {
    values,
    set,
    reset: (next) => setValues(next ?? initialValues),
    field: (name) => ({
      name: String(name),
      value: values[name] as string,
      onChange: (event) => set(name, event.target.value as TValues[typeof name]),
      error: errorFor(String(name)),
    }),
    errorFor,
    formError: { message: error?.message, fieldErrors },
    error,
    clearError: mutation.reset,
    isPending: mutation.isPending,
    variables: mutation.variables,
    data: mutation.data,
    submit: (event) => {
      event?.preventDefault();
      void submitWith(values);
    },
    submitWith,
  };
}
