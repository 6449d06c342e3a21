'use client';
// The session's timeline: each friction event placed at its offset, and the totals per kind.
import { useState } from 'react';
import { elapsedSeconds, formatOffset, FRICTION_LABELS, totalsByKind } from '@/server/shadowing/rules';
import { Panel } from '@/app/_components/page-header';
import { Table, Td, Th } from '@/app/_components/table';
import { formatMinutes, plural } from '@/app/(workspace)/_listen/format';
import { KIND_STYLE } from './friction-style';
import { useClock, type EventRow, type Session } from './session-model';

export function TimelinePanel({ session, events, isRunning }: { session: Session; events: EventRow[]; isRunning: boolean }) {
  const now = useClock(isRunning);
  const [skew] = useState(() => session.serverNow.getTime() - Date.now());
  const duration = Math.max(
    1,
    elapsedSeconds({ startedAt: session.startedAt, endedAt: session.endedAt }, new Date(now + skew)) ?? 1,
    ...events.map((event) => event.offsetSeconds),
  );
  const totals = totalsByKind(events);
  const totalMinutes = totals.reduce((sum, total) => sum + total.minutesLost, 0);
  return (
    <Panel
      title="Timeline"
      description={`${formatOffset(duration)} ${isRunning ? 'so far' : 'in total'} · ${plural(events.length, 'friction event')} · ${formatMinutes(totalMinutes)} lost`}
    >
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">No friction captured yet. {isRunning ? 'Press 1-7 when you see some.' : ''}</p>
      ) : (
        <>
          <div className="relative h-10 rounded-md bg-slate-100" aria-hidden>
            {events.map((event) => (
              <span
                key={event.id}
                title={`${formatOffset(event.offsetSeconds)} ${FRICTION_LABELS[event.kind]}`}
                className={`absolute top-1 h-8 w-1.5 -translate-x-1/2 rounded-sm ${KIND_STYLE[event.kind].marker}`}
                style={{ left: `${Math.min(100, (event.offsetSeconds / duration) * 100)}%` }}
              />
            ))}
          </div>
          <div className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden>
            <span>0:00</span>
            <span>{formatOffset(duration)}</span>
          </div>
          <div className="mt-4">
            <Table caption="Friction per kind">
              <thead>
                <tr>
                  <Th>Kind</Th>
                  <Th className="text-right">Events</Th>
                  <Th className="text-right">Minutes lost</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {totals.map((total) => (
                  <tr key={total.kind}>
                    <Td>
                      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLE[total.kind].badge}`}>{total.label}</span>
                    </Td>
                    <Td className="text-right tabular-nums">{total.count}</Td>
                    <Td className="text-right tabular-nums">{total.minutesLost || '—'}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
    </Panel>
  );
}
