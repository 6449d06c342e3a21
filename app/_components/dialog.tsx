'use client';
// A modal dialog on the native <dialog> element: focus stays inside, Escape closes it, and the
// page behind is inert.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({
  title,
  isOpen,
  onClose,
  children,
  isWide = false,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Room for a table (64rem instead of 40rem). */
  isWide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto ${isWide ? 'w-[min(64rem,calc(100vw-2rem))]' : 'w-[min(40rem,calc(100vw-2rem))]'} rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      {isOpen && (
        <div className="max-h-[85vh] overflow-y-auto p-5 sm:p-6">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" aria-label="Close">
              ✕
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
