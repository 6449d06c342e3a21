'use client';
// The session's notes: autosaved while editing, rendered as Markdown, and words of them to save as evidence.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Markdown } from '@/app/_components/markdown';
import { useTRPC } from '@/app/_trpc/client';
import { ConflictNotice, SaveStatusLine } from '@/app/(workspace)/_listen/autosave-ui';
import { SavedEvidence, type EvidenceRow } from '@/app/(workspace)/_listen/saved-evidence';
import { SaveSelectionButton, useSelectedText } from '@/app/(workspace)/_listen/selection-evidence';
import { useAutosave } from '@/app/(workspace)/_listen/use-autosave';
import { TARGET_CLASS } from '@/app/(workspace)/_listen/use-hash-target';
import type { Session } from './session-model';

export function NotesPanel({
  session,
  canEdit,
  isTarget,
  evidence,
  onSaveEvidence,
}: {
  session: Session;
  canEdit: boolean;
  isTarget: boolean;
  evidence: EvidenceRow[];
  onSaveEvidence: (anchor: string, label: string, excerpt: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveNotes = useMutation({ ...trpc.shadowing.saveNotes.mutationOptions(), networkMode: 'always' });
  const values = useMemo(() => ({ notes: session.notes }), [session.notes]);
  const draft = useAutosave({
    record: `shadowing:${session.id}`,
    values,
    save: async (changes) => {
      const change = changes.find((candidate) => candidate.field === 'notes')!;
      const result = await saveNotes.mutateAsync({ id: session.id, base: change.base ?? '', value: change.value ?? '' });
      queryClient.setQueryData(trpc.shadowing.get.queryKey({ id: session.id }), (old) => (old ? { ...old, notes: result.notes } : old));
      return {
        values: { notes: result.notes },
        conflicts: result.conflict ? [{ field: 'notes', label: 'the notes of this session', theirs: result.conflict.theirs }] : [],
      };
    },
  });
  const { text: selectedText, bindContainer, onSelect } = useSelectedText();
  const value = draft.valueOf('notes') ?? '';
  const conflict = draft.conflictOf('notes');
  return (
    <section id="notes" aria-labelledby="notes-heading" className={`scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${isTarget ? TARGET_CLASS : ''}`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="notes-heading" className="text-base font-semibold text-slate-900">
          Notes
        </h2>
        {canEdit && <SaveStatusLine status={draft.status} isDeviceBlocked={draft.isDeviceBlocked} />}
      </div>
      {conflict && (
        <div className="mb-3">
          <ConflictNotice conflict={conflict} onKeepMine={() => draft.keepMine('notes')} onTakeTheirs={() => draft.takeTheirs('notes')} />
        </div>
      )}
      <div ref={bindContainer}>
        {canEdit ? (
          <textarea
            aria-labelledby="notes-heading"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm leading-relaxed text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
            rows={Math.min(20, Math.max(4, value.split('\n').length + 1))}
            value={value}
            onChange={(event) => draft.setValue('notes', event.target.value)}
            onSelect={onSelect}
            placeholder="What you noticed overall: what they treat as normal, where the longest wait was, what to ask afterwards."
          />
        ) : value.trim() ? (
          <Markdown isHtmlShownAsText>{value}</Markdown>
        ) : (
          <p className="text-sm text-slate-600 italic">No notes.</p>
        )}
      </div>
      {draft.errorOf('notes') && <p className="mt-1 text-sm text-red-700">{draft.errorOf('notes')}</p>}
      {canEdit && value.trim() && (
        <div className="mt-3">
          <SaveSelectionButton text={selectedText} onSave={(excerpt) => onSaveEvidence('notes', 'notes', excerpt)} />
        </div>
      )}
      <SavedEvidence rows={evidence} className="mt-4 border-t border-slate-100 pt-3" />
    </section>
  );
}
