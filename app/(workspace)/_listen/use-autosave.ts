'use client';
// Autosave for text people type while listening (interview answers and notes, shadowing notes).
// Every keystroke is kept on this device at once; changes go to the server shortly after typing
// stops, each with the value it was typed on top of. The server refuses a field another tab or
// person changed meanwhile; that field is shown as a conflict to resolve, never overwritten. When
// the connection is lost, changes wait on the device and are sent when it returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '@/app/_trpc/client';
import { adoptDeviceDraft, keepDeviceDraft, type DeviceDraft } from './device-drafts';
import { isNetworkError } from './network';

export type FieldValues = Record<string, string | null>;

export interface SaveOutcome {
  values: FieldValues;
  conflicts: { field: string; label: string; theirs: string | null }[];
}

export interface Conflict {
  label: string;
  theirs: string | null;
}

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'waiting' }
  | { kind: 'saving' }
  | { kind: 'offline'; count: number }
  | { kind: 'conflict'; count: number }
  | { kind: 'error'; message: string };

interface Entry {
  base: string | null;
  value: string | null;
  isConflict?: boolean;
  error?: string;
}

const TYPING_PAUSE_MS = 700;
const OFFLINE_RETRY_MS = 5000;

export function useAutosave({
  record,
  values,
  save,
  onSaved,
}: {
  /** Where the device keeps drafts, e.g. `interview:<id>`. */
  record: string;
  /** What the server has now (undefined while loading). */
  values: FieldValues | undefined;
  save: (changes: { field: string; base: string | null; value: string | null }[]) => Promise<SaveOutcome>;
  onSaved?: (values: FieldValues) => void;
}) {
  const store = useRef({
    server: null as FieldValues | null,
    entries: {} as Record<string, Entry>,
    conflicts: {} as Record<string, Conflict>,
    status: { kind: 'saved' } as SaveStatus,
    isInFlight: false,
    isAgain: false,
    isDeviceBlocked: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
  });
  // What the page renders: a copy of the store, published after every change to it.
  const [view, setView] = useState(() => ({
    server: null as FieldValues | null,
    entries: {} as Record<string, Entry>,
    conflicts: {} as Record<string, Conflict>,
    status: { kind: 'saved' } as SaveStatus,
    isDeviceBlocked: false,
  }));
  const rerender = useCallback(() => {
    const s = store.current;
    setView({
      server: s.server,
      entries: Object.fromEntries(Object.entries(s.entries).map(([field, entry]) => [field, { ...entry }])),
      conflicts: { ...s.conflicts },
      status: s.status,
      isDeviceBlocked: s.isDeviceBlocked,
    });
  }, []);
  const saveRef = useRef(save);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    saveRef.current = save;
    onSavedRef.current = onSaved;
  });

  const persist = useCallback(() => {
    const draft: DeviceDraft = {};
    for (const [field, entry] of Object.entries(store.current.entries)) draft[field] = { base: entry.base, value: entry.value };
    store.current.isDeviceBlocked = !keepDeviceDraft(record, draft);
  }, [record]);

  const sendable = () => Object.entries(store.current.entries).filter(([, entry]) => !entry.isConflict && !entry.error);

  const settle = useCallback(() => {
    const s = store.current;
    const conflictCount = Object.keys(s.conflicts).length;
    if (conflictCount > 0) s.status = { kind: 'conflict', count: conflictCount };
    else if (s.status.kind !== 'error' || Object.values(s.entries).every((entry) => !entry.error)) {
      s.status = sendable().length > 0 ? { kind: 'waiting' } : { kind: 'saved' };
    }
  }, []);

  const flushRef = useRef<() => Promise<void>>(async () => undefined);

  const schedule = useCallback((delay: number) => {
    const s = store.current;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void flushRef.current(), delay);
  }, []);

  const flush = useCallback(async () => {
    const s = store.current;
    if (!s.server) return;
    if (s.isInFlight) {
      s.isAgain = true;
      return;
    }
    const batch = sendable().map(([field, entry]) => ({ field, base: entry.base, value: entry.value }));
    if (batch.length === 0) {
      settle();
      rerender();
      return;
    }
    s.isInFlight = true;
    s.status = { kind: 'saving' };
    rerender();
    try {
      const outcome = await saveRef.current(batch);
      s.server = outcome.values;
      const conflicts = new Map(outcome.conflicts.map((conflict) => [conflict.field, conflict]));
      for (const sent of batch) {
        const entry = s.entries[sent.field];
        const conflict = conflicts.get(sent.field);
        if (conflict) {
          s.conflicts[sent.field] = { label: conflict.label, theirs: conflict.theirs };
          if (entry) entry.isConflict = true;
        } else if (entry && entry.value === sent.value) {
          delete s.entries[sent.field];
        } else if (entry) {
          // Typed more while this save was on its way: the next save builds on what was stored.
          entry.base = outcome.values[sent.field] ?? null;
        }
      }
      persist();
      s.status = { kind: 'saved' };
      settle();
      onSavedRef.current?.(outcome.values);
    } catch (error) {
      if (isNetworkError(error)) {
        s.status = { kind: 'offline', count: sendable().length };
        schedule(OFFLINE_RETRY_MS);
      } else {
        const details = describeError(error);
        const field = Object.keys(details.fieldErrors)[0];
        for (const sent of batch) {
          const entry = s.entries[sent.field];
          // A refused value waits until it is edited; the others are sent again without it.
          if (entry && (sent.field === field || !field)) entry.error = details.message;
        }
        s.status = { kind: 'error', message: details.message };
        if (field && sendable().length > 0) schedule(0);
      }
    } finally {
      s.isInFlight = false;
      if (s.isAgain) {
        s.isAgain = false;
        schedule(0);
      }
      rerender();
    }
  }, [persist, schedule, settle, rerender]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // First load: take over what this device kept (from before a reload or from a closed tab).
  // Later loads (another tab saved, the window regained focus): take the new stored values.
  useEffect(() => {
    if (!values) return;
    const s = store.current;
    const isFirst = s.server === null;
    s.server = values;
    if (isFirst) {
      for (const [field, entry] of Object.entries(adoptDeviceDraft(record))) {
        if (field in values && values[field] !== entry.value) s.entries[field] = { base: entry.base, value: entry.value };
      }
      persist();
      if (sendable().length > 0) schedule(0);
    } else {
      for (const [field, entry] of Object.entries(s.entries)) if (values[field] === entry.value && !entry.isConflict) delete s.entries[field];
    }
    rerender();
  }, [values, record, persist, schedule, rerender]);

  useEffect(() => {
    const retry = () => schedule(0);
    window.addEventListener('online', retry);
    const s = store.current;
    return () => {
      window.removeEventListener('online', retry);
      clearTimeout(s.timer);
    };
  }, [schedule]);

  const setValue = useCallback(
    (field: string, value: string | null, options: { isImmediate?: boolean } = {}) => {
      const s = store.current;
      if (!s.server) return;
      const existing = s.entries[field];
      const base = existing ? existing.base : (s.server[field] ?? null);
      if (value === base && !existing?.isConflict) delete s.entries[field];
      else s.entries[field] = { base, value, isConflict: existing?.isConflict };
      persist();
      if (s.status.kind === 'offline') s.status = { kind: 'offline', count: sendable().length };
      else if (s.status.kind !== 'saving') settle();
      rerender();
      schedule(options.isImmediate ? 0 : TYPING_PAUSE_MS);
    },
    [persist, schedule, settle, rerender],
  );

  /** Keep what this tab typed: send it again on top of the other version. */
  const keepMine = useCallback(
    (field: string) => {
      const s = store.current;
      const conflict = s.conflicts[field];
      const entry = s.entries[field];
      delete s.conflicts[field];
      if (conflict && entry) s.entries[field] = { base: conflict.theirs, value: entry.value };
      persist();
      settle();
      rerender();
      schedule(0);
    },
    [persist, schedule, settle, rerender],
  );

  /** Drop what this tab typed and take the other version. */
  const takeTheirs = useCallback(
    (field: string) => {
      const s = store.current;
      delete s.conflicts[field];
      delete s.entries[field];
      persist();
      settle();
      rerender();
    },
    [persist, settle, rerender],
  );

  return {
    isReady: view.server !== null,
    valueOf: (field: string) => (field in view.entries ? view.entries[field].value : (view.server?.[field] ?? null)),
    errorOf: (field: string) => view.entries[field]?.error ?? null,
    conflictOf: (field: string) => view.conflicts[field] ?? null,
    status: view.status,
    isDeviceBlocked: view.isDeviceBlocked,
    unsavedCount: Object.keys(view.entries).length,
    setValue,
    keepMine,
    takeTheirs,
    flush: () => schedule(0),
  };
}
