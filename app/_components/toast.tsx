'use client';
// Short confirmations after an action ("Developer added"), announced to screen readers. A toast
// may carry one action ("Undo"): it then stays longer, and the action closes it.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Tone = 'success' | 'error';
export interface ToastAction {
  label: string;
  onClick: () => void;
}
interface Toast {
  id: number;
  message: string;
  tone: Tone;
  action?: ToastAction;
}

const ToastContext = createContext<(message: string, tone?: Tone, action?: ToastAction) => void>(() => undefined);

export function useToast() {
  return useContext(ToastContext);
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (message: string, tone: Tone = 'success', action?: ToastAction) => {
      const id = nextId++;
      setToasts((current) => [...current, { id, message, tone, action }]);
      // Long enough to reach an Undo with the keyboard.
      setTimeout(() => dismiss(id), action ? 12_000 : 5000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" role="status" className="no-print pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col gap-2">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`pointer-events-auto flex items-center gap-3 rounded-md px-4 py-2 text-sm shadow-lg ${
              toast.tone === 'success' ? 'bg-slate-900 text-white' : 'bg-red-700 text-white'
            }`}
          >
            {toast.message}
            {toast.action && (
              <button
                type="button"
                className="rounded px-1.5 py-0.5 font-semibold text-white underline underline-offset-2 hover:bg-white/15"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action!.onClick();
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
