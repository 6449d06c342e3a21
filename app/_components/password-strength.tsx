'use client';
// The strength meter under a new-password field: the server's own rules and zxcvbn-ts's estimate
// (server/auth/password-rules.ts, loaded once the person starts typing), so the form says while
// typing what the server would answer. The server stays the authority. A live region beside the
// field (not its hint), so it stays visible while the field shows an error.
import { useEffect, useState } from 'react';
import type { PasswordCheck } from '@/server/auth/password-rules';

const BAR_COLOURS = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-emerald-600', 'bg-emerald-600'];

export function PasswordStrength({ password, email, name }: { password: string; email?: string; name?: string }) {
  const [result, setResult] = useState<{ password: string; check: PasswordCheck } | null>(null);
  useEffect(() => {
    if (!password) return;
    let isCurrent = true;
    void import('@/server/auth/password-rules').then(({ checkPassword }) => {
      if (isCurrent) setResult({ password, check: checkPassword(password, { email, name }) });
    });
    return () => {
      isCurrent = false;
    };
  }, [password, email, name]);
  const check = password && result?.password === password ? result.check : null;

  return (
    <p className="-mt-2 flex min-h-5 flex-wrap items-center gap-2 text-xs" aria-live="polite">
      {check && (
        <>
          <span aria-hidden="true" className="flex gap-1">
            {[1, 2, 3, 4].map((step) => (
              <span key={step} className={`h-1.5 w-8 rounded-full ${step <= Math.max(check.score, 1) ? BAR_COLOURS[check.score] : 'bg-slate-200'}`} />
            ))}
          </span>
          <span className={check.problem ? 'text-red-700' : 'text-slate-700'}>
            Strength: {check.label}
            {check.problem ? `. ${check.problem}` : check.warning ? `. ${check.warning}` : ''}
          </span>
        </>
      )}
    </p>
  );
}
