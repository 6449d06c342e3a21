'use client';
// What the autosave is doing, said in words (announced to screen readers), and the notice shown
// on a field that another tab or person changed while this one was typing.
import { Button } from '@/app/_components/button';
import type { Conflict, SaveStatus } from './use-autosave';
import { plural } from './format';

export function SaveStatusLine({ status, isDeviceBlocked }: { status: SaveStatus; isDeviceBlocked: boolean }) {
  const text = {
    saved: 'All changes saved',
    waiting: 'Changes kept on this device; saving…',
    saving: 'Saving…',
    offline: status.kind === 'offline' ? `Offline: ${plural(status.count, 'change')} kept on this device, saved when the connection returns` : '',
    conflict: status.kind === 'conflict' ? `${plural(status.count, 'field')} changed elsewhere: choose which version to keep` : '',
    error: status.kind === 'error' ? `Not saved: ${status.message}` : '',
  }[status.kind];
  const tone =
    status.kind === 'saved' ? 'text-green-800' : status.kind === 'offline' || status.kind === 'conflict' ? 'text-amber-800' : status.kind === 'error' ? 'text-red-700' : 'text-slate-600';
  return (
    <p role="status" className={`text-sm ${tone}`} data-save-status={status.kind}>
      {text}
      {isDeviceBlocked && ' (this browser does not keep drafts on the device: stay online until saved)'}
    </p>
  );
}

export function ConflictNotice({ conflict, onKeepMine, onTakeTheirs }: { conflict: Conflict; onKeepMine: () => void; onTakeTheirs: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">
        Someone changed {conflict.label} in another tab or window while you were typing. Nothing was overwritten.
      </p>
      <p className="mt-2">Their version:</p>
      <p className="mt-1 max-h-40 overflow-y-auto rounded border border-amber-200 bg-white p-2 whitespace-pre-wrap text-slate-800">
        {conflict.theirs || <em>(empty)</em>}
      </p>
      <p className="mt-2">Your version is in the box below.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button size="sm" onClick={onKeepMine}>
          Keep my version
        </Button>
        <Button size="sm" variant="secondary" onClick={onTakeTheirs}>
          Use their version
        </Button>
      </div>
    </div>
  );
}
