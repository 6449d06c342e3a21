'use client';
// Friction events captured in observation mode go through an outbox kept on this device: the
// capture is stamped when the key is pressed and sent in order; without a connection it waits
// and is sent when the connection returns. Sending twice is harmless (the event id is chosen
// here, and the server saves an id once).
import { useMutation } from '@tanstack/react-query';
import type { FrictionKind } from '@/server/shadowing/rules';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { isNetworkError } from '@/app/(workspace)/_listen/network';

export interface OutboxEvent {
  id: string;
  sessionId: string;
  offsetSeconds: number;
  kind: FrictionKind;
  note: string;
  minutesLost: number | null;
}

type Operation = { type: 'add'; event: OutboxEvent } | { type: 'update'; event: OutboxEvent };

const keyOf = (sessionId: string) => `frictionlog:outbox:shadowing:${sessionId}`;

function load(sessionId: string): Operation[] {
  try {
    return JSON.parse(localStorage.getItem(keyOf(sessionId)) ?? '[]') as Operation[];
  } catch (error) {
    console.warn('Ignoring an unreadable outbox kept on this device', error);
    return [];
  }
}

export function useEventOutbox(sessionId: string, onSent: () => void) {
  const trpc = useTRPC();
  const toast = useToast();
  // Sent even when the browser says it is offline: the outbox keeps and retries failed sends.
  const add = useMutation({ ...trpc.shadowing.addEvent.mutationOptions(), networkMode: 'always' });
  const update = useMutation({ ...trpc.shadowing.updateEvent.mutationOptions(), networkMode: 'always' });
  const state = useRef({ operations: [] as Operation[], isSending: false, isOffline: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  // What the page renders: a copy of the outbox, published after every change to it.
  const [view, setView] = useState({ operations: [] as Operation[], isOffline: false });
  const rerender = useCallback(() => setView({ operations: [...state.current.operations], isOffline: state.current.isOffline }), []);
  const onSentRef = useRef(onSent);
  useEffect(() => {
    onSentRef.current = onSent;
  });

  const persist = useCallback(() => {
    try {
      if (state.current.operations.length === 0) localStorage.removeItem(keyOf(sessionId));
      else localStorage.setItem(keyOf(sessionId), JSON.stringify(state.current.operations));
    } catch (error) {
      console.warn('This browser did not keep the captured events on the device', error);
    }
  }, [sessionId]);

  const send = useCallback(async () => {
    const s = state.current;
    if (s.isSending) return;
    s.isSending = true;
    let sent = 0;
    try {
      while (s.operations.length > 0) {
        const operation = s.operations[0];
        try {
          if (operation.type === 'add') await add.mutateAsync(operation.event);
          else {
            const { sessionId: _session, ...event } = operation.event;
            await update.mutateAsync(event);
          }
          s.isOffline = false;
        } catch (error) {
          if (isNetworkError(error)) {
            s.isOffline = true;
            clearTimeout(s.timer);
            s.timer = setTimeout(() => void send(), 5000);
            break;
          }
          toast(`A friction event was not saved: ${describeError(error).message}`, 'error');
        }
        s.operations.shift();
        persist();
        sent += 1;
        rerender();
      }
    } finally {
      s.isSending = false;
      rerender();
      if (sent > 0) onSentRef.current();
    }
  }, [add, update, persist, toast, rerender]);

  useEffect(() => {
    state.current.operations = load(sessionId);
    rerender();
    void send();
    const retry = () => void send();
    window.addEventListener('online', retry);
    const s = state.current;
    return () => {
      window.removeEventListener('online', retry);
      clearTimeout(s.timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per session: send() changes identity with its mutations
  }, [sessionId]);

  const capture = useCallback(
    (event: OutboxEvent) => {
      state.current.operations.push({ type: 'add', event });
      persist();
      rerender();
      void send();
    },
    [persist, send, rerender],
  );

  /** Changes a captured event; one not sent yet is changed in place. */
  const change = useCallback(
    (event: OutboxEvent) => {
      const waiting = state.current.operations.find((operation) => operation.type === 'add' && operation.event.id === event.id);
      const isOnItsWay = state.current.isSending && state.current.operations[0] === waiting;
      if (waiting && !isOnItsWay) waiting.event = event;
      else state.current.operations.push({ type: 'update', event });
      persist();
      rerender();
      void send();
    },
    [persist, send, rerender],
  );

  const pendingAdds = view.operations.filter((operation) => operation.type === 'add').map((operation) => operation.event);
  return { capture, change, pendingAdds, isOffline: view.isOffline, pendingCount: view.operations.length };
}
