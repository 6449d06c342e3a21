'use client';
// The interview's transcript: import a WebVTT, SRT or text export (speakers mapped to interviewer
// and participant, remembered per name), the recording's address, and the turns with their times.
// Words selected in a turn are saved as evidence that links back to the turn and its second.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RouterOutputs } from '@/server/root';
import { formatTimestamp } from '@/server/interviews/parse-transcript';
import { MAX_TRANSCRIPT_BYTES, SPEAKER_ROLE_LABELS } from '@/server/interviews/transcript-rules';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { FileDrop } from '@/app/_components/file-drop';
import { Badge, Panel } from '@/app/_components/page-header';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { SavedEvidence, type EvidenceRow } from '@/app/(workspace)/_listen/saved-evidence';
import { SaveSelectionButton, useSelectedText } from '@/app/(workspace)/_listen/selection-evidence';
import { TARGET_CLASS } from '@/app/(workspace)/_listen/use-hash-target';

type Turn = RouterOutputs['interviews']['transcript']['turns'][number];
type Preview = RouterOutputs['interviews']['previewTranscript'];
type Role = 'interviewer' | 'participant';

export function TranscriptPanel({
  interviewId,
  participantName,
  canEdit,
  target,
  evidence,
  onSaveEvidence,
}: {
  interviewId: string;
  participantName: string;
  canEdit: boolean;
  target: string | null;
  evidence: EvidenceRow[];
  onSaveEvidence: (anchor: string, label: string, excerpt: string) => void;
}) {
  const trpc = useTRPC();
  const transcript = useQuery(trpc.interviews.transcript.queryOptions({ id: interviewId }));
  const [isImporting, setImporting] = useState(false);
  const data = transcript.data;
  const hasTurns = (data?.turns.length ?? 0) > 0;

  return (
    <Panel
      title="Transcript"
      description={
        hasTurns
          ? `${data!.turns.length} turns from ${data!.fileName}. Select words in a turn to save them as evidence; its link opens the recording at that second.`
          : 'Import the transcript Zoom, Teams, Meet or Otter exported (WebVTT, SRT or text) to quote the developer’s exact words with their time.'
      }
      actions={
        canEdit &&
        !isImporting && (
          <Button size="sm" variant="secondary" onClick={() => setImporting(true)}>
            {hasTurns ? 'Import another transcript' : 'Import a transcript'}
          </Button>
        )
      }
    >
      {transcript.isError && <p className="text-sm text-red-700">{describeError(transcript.error).message}</p>}
      {canEdit && isImporting && <ImportForm interviewId={interviewId} onDone={() => setImporting(false)} />}
      {canEdit && data && <RecordingForm interviewId={interviewId} current={data.recordingUrl} />}
      {hasTurns && (
        <ol className="mt-4 flex flex-col gap-2" aria-label={`Transcript of the interview with ${participantName}`}>
          {data!.turns.map((turn) => (
            <TurnItem
              key={turn.position}
              turn={turn}
              canEdit={canEdit}
              isTarget={target === turn.anchor}
              evidence={evidence.filter((row) => row.sourcePath.endsWith(`/turns/${turn.position}`))}
              onSaveEvidence={onSaveEvidence}
            />
          ))}
        </ol>
      )}
    </Panel>
  );
}

function TurnItem({
  turn,
  canEdit,
  isTarget,
  evidence,
  onSaveEvidence,
}: {
  turn: Turn;
  canEdit: boolean;
  isTarget: boolean;
  evidence: EvidenceRow[];
  onSaveEvidence: (anchor: string, label: string, excerpt: string) => void;
}) {
  const { text: selectedText, bindContainer } = useSelectedText();
  const time = formatTimestamp(turn.startMs);
  return (
    <li id={turn.anchor} className={`scroll-mt-6 rounded-md px-3 py-2 ${turn.speakerRole === 'participant' ? 'bg-white' : 'bg-slate-50'} ${isTarget ? TARGET_CLASS : ''}`}>
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <span className="font-medium text-slate-900">{turn.speakerName}</span>
        <Badge tone={turn.speakerRole === 'participant' ? 'brand' : 'slate'}>{SPEAKER_ROLE_LABELS[turn.speakerRole]}</Badge>
        {turn.recordingHref ? (
          <a href={turn.recordingHref} target="_blank" rel="noreferrer" className="font-mono text-brand-700 hover:underline" aria-label={`Play the recording at ${time}`}>
            {time}
          </a>
        ) : (
          <span className="font-mono text-slate-600">{time}</span>
        )}
      </div>
      <p ref={bindContainer} className="mt-1 leading-relaxed text-slate-800">
        {turn.body}
      </p>
      {canEdit && (
        <div className="mt-1">
          <SaveSelectionButton text={selectedText} onSave={(excerpt) => onSaveEvidence(turn.anchor, `transcript at ${time}`, excerpt)} />
        </div>
      )}
      <SavedEvidence rows={evidence} className="mt-2" />
    </li>
  );
}

function ImportForm({ interviewId, onDone }: { interviewId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The preview is a step of choosing the file, not the form's send: its refusal is a problem line.
  const previewMutation = useMutation(trpc.interviews.previewTranscript.mutationOptions());
  const form = useFormMutation({
    initialValues: { roles: {} as Record<string, Role | ''> },
    mutation: trpc.interviews.importTranscript.mutationOptions(),
    // Sent only once a file is previewed and every speaker has a role (checked in submit).
    toInput: ({ roles }) => ({
      id: interviewId,
      content: file!.content,
      fileName: file!.name,
      speakers: preview!.speakers.map((speaker) => ({ name: speaker.name, role: roles[speaker.name] as Role })),
    }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.interviews.transcript.queryKey({ id: interviewId }) });
      toast(`Imported ${result.turnCount} turns`);
      onDone();
    },
  });
  const roles = form.values.roles;

  async function choose(chosen: File) {
    setProblem(null);
    setPreview(null);
    form.clearError();
    const content = await chosen.text();
    setFile({ name: chosen.name, content });
    try {
      const result = await previewMutation.mutateAsync({ content });
      setPreview(result);
      // A name seen before keeps its role; otherwise the first speaker is taken as the interviewer.
      form.set('roles', Object.fromEntries(result.speakers.map((speaker, index) => [speaker.name, speaker.savedRole ?? (result.speakers.length === 2 ? (index === 0 ? 'interviewer' : 'participant') : '')])));
    } catch (caught) {
      setProblem(describeError(caught).message);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !preview) return;
    const missing = preview.speakers.find((speaker) => !roles[speaker.name]);
    if (missing) {
      setProblem(`Choose whether “${missing.name}” is the interviewer or the participant.`);
      return;
    }
    setProblem(null);
    form.submit();
  }

  return (
    <form onSubmit={submit} aria-label="Import a transcript" className="mb-4 flex flex-col gap-3 rounded-md border border-slate-200 p-3">
      <FileDrop label="Transcript file (.vtt, .srt or .txt)" accept=".vtt,.srt,.txt,text/vtt,text/plain" maxBytes={MAX_TRANSCRIPT_BYTES} onFile={choose} onReject={setProblem} />
      <FormError message={problem ?? form.formError.message} fieldErrors={form.formError.fieldErrors} />
      {preview && file && (
        <>
          <p className="text-sm text-slate-700">
            {file.name}: {preview.format === 'webvtt' ? 'WebVTT' : preview.format === 'srt' ? 'SRT' : 'text'}, {preview.turnCount} turns, {formatTimestamp(preview.durationMs)} long. Who is who?
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            {preview.speakers.map((speaker) => (
              <SelectField
                key={speaker.name}
                label={`${speaker.name} (${speaker.turns} turns)`}
                value={roles[speaker.name] ?? ''}
                placeholder="Choose a role"
                onChange={(event) => form.set('roles', { ...roles, [speaker.name]: event.target.value as Role | '' })}
                options={[
                  { value: 'interviewer', label: 'Interviewer' },
                  { value: 'participant', label: 'Participant' },
                ]}
                hint={speaker.savedRole ? 'Role remembered from an earlier transcript' : undefined}
              />
            ))}
          </div>
          <div className="flex gap-2">
            <Button type="submit" isBusy={form.isPending}>
              Import {preview.turnCount} turns
            </Button>
            <Button type="button" variant="ghost" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </>
      )}
      {!preview && (
        <div>
          <Button type="button" variant="ghost" size="sm" onClick={onDone}>
            Cancel
          </Button>
        </div>
      )}
    </form>
  );
}

function RecordingForm({ interviewId, current }: { interviewId: string; current: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useFormMutation({
    initialValues: { recordingUrl: current ?? '' },
    mutation: trpc.interviews.setRecordingUrl.mutationOptions(),
    toInput: (values) => ({ id: interviewId, recordingUrl: values.recordingUrl.trim() || null }),
    onSuccess: async (_result, values) => {
      await queryClient.invalidateQueries({ queryKey: trpc.interviews.transcript.queryKey({ id: interviewId }) });
      toast(values.recordingUrl.trim() ? 'Recording address saved' : 'Recording address removed');
    },
  });
  return (
    <form aria-label="The interview’s recording" className="flex flex-wrap items-end gap-2" onSubmit={save.submit}>
      <TextField
        className="min-w-64 flex-1"
        label="Recording address"
        hint="Paste the link from your video tool; times in the transcript then open the recording at that second."
        type="url"
        placeholder="https://"
        {...save.field('recordingUrl')}
        error={save.errorFor('recordingUrl')?.[0] ?? save.error?.message}
      />
      <Button type="submit" variant="secondary" isBusy={save.isPending}>
        Save address
      </Button>
    </form>
  );
}
