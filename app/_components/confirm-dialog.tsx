'use client';
// "Are you sure?" before an action that cannot be taken back, on the kit's dialog (not
// window.confirm): the question, what happens, and two buttons, the safe one first.
// ConfirmDialog is controlled (for a confirmation that shows its own progress and error);
// useConfirm() is the one-line replacement of `window.confirm(...) && act()`.
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

export function ConfirmDialog({
  title,
  isOpen,
  confirmLabel,
  isBusy = false,
  error,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  isOpen: boolean;
  confirmLabel: string;
  isBusy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} isOpen={isOpen} onClose={onCancel}>
      <div className="flex flex-col gap-4 text-sm text-slate-700">
        <div>{children}</div>
        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="danger" isBusy={isBusy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export interface ConfirmRequest {
  title: string;
  /** What happens, in a sentence or two. */
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

/**
 * `const confirm = useConfirm()`; `confirm.ask({ title, body, confirmLabel, onConfirm })` opens the
 * dialog, and `{confirm.dialog}` renders it. Confirming closes it and runs onConfirm (the page
 * shows the action's progress as it would without a confirmation).
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const dialog = (
    <ConfirmDialog
      title={request?.title ?? ''}
      isOpen={request !== null}
      confirmLabel={request?.confirmLabel ?? 'Confirm'}
      onCancel={() => setRequest(null)}
      onConfirm={() => {
        request?.onConfirm();
        setRequest(null);
      }}
    >
      {request?.body}
    </ConfirmDialog>
  );
  return { ask: setRequest, dialog };
}
