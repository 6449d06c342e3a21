// One colour per kind of friction, the same on the keys, the timeline and the lists.
import type { FrictionKind } from '@/server/shadowing/rules';

export const KIND_STYLE: Record<FrictionKind, { badge: string; marker: string }> = {
  'tab-switch': { badge: 'bg-sky-100 text-sky-900', marker: 'bg-sky-600' },
  'asked-for-help': { badge: 'bg-violet-100 text-violet-900', marker: 'bg-violet-600' },
  'copied-from-runbook': { badge: 'bg-amber-100 text-amber-900', marker: 'bg-amber-600' },
  waiting: { badge: 'bg-slate-200 text-slate-900', marker: 'bg-slate-600' },
  'dead-end': { badge: 'bg-red-100 text-red-900', marker: 'bg-red-600' },
  workaround: { badge: 'bg-emerald-100 text-emerald-900', marker: 'bg-emerald-600' },
  other: { badge: 'bg-stone-200 text-stone-900', marker: 'bg-stone-600' },
};
