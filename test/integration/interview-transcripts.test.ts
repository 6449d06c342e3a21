// Interview transcripts: preview and import (speakers mapped to interviewer and participant, roles
// remembered per name), turns shown and searchable, evidence from a turn linking to the recording
// at that second, and the bad inputs (no cues, times out of order, too large, unknown speaker),
// each writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { MAX_TRANSCRIPT_BYTES } from '@/server/interviews/transcript-rules';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let ada: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  ada = await addParticipant(handle, { name: 'Ada Okafor', teamName: 'Payments' });
});
afterAll(async () => handle.close());

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Priya Shah>How did your last deploy go?',
  '',
  '00:01:23.000 --> 00:01:30.000 align:start',
  '<v Ada Okafor>We waited two days for a staging database,',
  'again.',
  '',
].join('\r\n');

const countTurns = async () => (await handle.db.selectFrom('interview_transcript_turns').select('id').execute()).length;
const newInterview = () => editor.interviews.create({ participantId: ada.id, interviewedOn: '2026-01-15' });
const speakers = [
  { name: 'Priya Shah', role: 'interviewer' as const },
  { name: 'Ada Okafor', role: 'participant' as const },
];

describe('importing a transcript', () => {
  it('previews the speakers, imports turns with timestamps and roles, and remembers the roles per name', async () => {
    const interview = await newInterview();
    const before = await editor.interviews.previewTranscript({ content: VTT });
    expect(before).toMatchObject({ format: 'webvtt', turnCount: 2, speakers: [{ name: 'Priya Shah', turns: 1, savedRole: null }, { name: 'Ada Okafor', savedRole: null }] });
    await editor.interviews.importTranscript({ id: interview.id, content: VTT, fileName: 'zoom.vtt', speakers });
    const transcript = await viewer.interviews.transcript({ id: interview.id });
    expect(transcript).toMatchObject({
      fileName: 'zoom.vtt',
      recordingUrl: null,
      turns: [
        { position: 1, speakerName: 'Priya Shah', speakerRole: 'interviewer', startMs: 1000, anchor: 't-1', recordingHref: null },
        { position: 2, speakerName: 'Ada Okafor', speakerRole: 'participant', startMs: 83_000, body: 'We waited two days for a staging database, again.' },
      ],
    });
    const after = await editor.interviews.previewTranscript({ content: VTT });
    expect(after.speakers.map((speaker) => speaker.savedRole)).toEqual(['interviewer', 'participant']);
  });

  it('refuses no cues, times out of order, a file over the limit and a wrong speaker mapping, writing nothing', async () => {
    const interview = await newInterview();
    const before = await countTurns();
    const noCues = await rejection(editor.interviews.importTranscript({ id: interview.id, content: 'WEBVTT\n\n', fileName: 'a.vtt', speakers }));
    expect(noCues.message).toMatch(/The transcript has no cues/);
    const outOfOrder = 'WEBVTT\n\n00:00:09.000 --> 00:00:10.000\n<v Priya Shah>b\n\n00:00:02.000 --> 00:00:03.000\n<v Ada Okafor>a\n';
    expect((await rejection(editor.interviews.importTranscript({ id: interview.id, content: outOfOrder, fileName: 'a.vtt', speakers }))).message).toMatch(
      /^Line 6: the time 00:00:02 comes before the previous one/,
    );
    const huge = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Priya Shah>${'x'.repeat(MAX_TRANSCRIPT_BYTES)}\n`;
    const tooLarge = await rejection(editor.interviews.importTranscript({ id: interview.id, content: huge, fileName: 'call.mp4', speakers }));
    expect(tooLarge.message).toMatch(/larger than 5 MB/);
    const stranger = await rejection(
      editor.interviews.importTranscript({ id: interview.id, content: VTT, fileName: 'a.vtt', speakers: [...speakers, { name: 'Mallory', role: 'interviewer' }] }),
    );
    expect(stranger.message).toBe('No speaker named “Mallory” is in this transcript; its speakers are “Priya Shah”, “Ada Okafor”.');
    const missing = await rejection(editor.interviews.importTranscript({ id: interview.id, content: VTT, fileName: 'a.vtt', speakers: [speakers[0]] }));
    expect(missing.message).toBe('Choose whether “Ada Okafor” is the interviewer or the participant.');
    expect((await rejection(viewer.interviews.importTranscript({ id: interview.id, content: VTT, fileName: 'a.vtt', speakers }))).code).toBe('FORBIDDEN');
    expect(await countTurns()).toBe(before);
    expect((await viewer.interviews.transcript({ id: interview.id })).fileName).toBeNull();
  });
});

describe('evidence from a transcript turn', () => {
  it('saves words of a turn, links to the recording at that second, and keeps the excerpt check', async () => {
    const interview = await newInterview();
    await editor.interviews.importTranscript({ id: interview.id, content: VTT, fileName: 'zoom.vtt', speakers });
    const saved = await editor.evidence.create({ sourceKind: 'interview', sourceId: interview.id, anchor: 't-2', excerpt: 'two days for a staging database' });
    const evidence = await viewer.evidence.get({ id: saved.id });
    expect(evidence).toMatchObject({ sourcePath: `/interviews/${interview.id}/turns/2`, participantId: ada.id, observedOn: '2026-01-15' });
    // Without a recording, the link opens the turn; with one, the recording at 83 seconds.
    expect(await viewer.interviews.turnLink({ id: interview.id, position: 2 })).toEqual({ href: `/interviews/${interview.id}#t-2` });
    await editor.interviews.setRecordingUrl({ id: interview.id, recordingUrl: 'https://video.example.com/rec/42' });
    expect(await viewer.interviews.turnLink({ id: interview.id, position: 2 })).toEqual({ href: 'https://video.example.com/rec/42#t=83' });
    await editor.interviews.setRecordingUrl({ id: interview.id, recordingUrl: 'https://www.youtube.com/watch?v=abc' });
    expect((await viewer.interviews.turnLink({ id: interview.id, position: 2 })).href).toBe('https://www.youtube.com/watch?v=abc&t=83');

    // Words from another turn, or not in the transcript, are refused.
    const wrongTurn = await rejection(editor.evidence.create({ sourceKind: 'interview', sourceId: interview.id, anchor: 't-1', excerpt: 'staging database' }));
    expect(wrongTurn.message).toMatch(/The excerpt must be words from the source/);
    const noTurn = await rejection(editor.evidence.create({ sourceKind: 'interview', sourceId: interview.id, anchor: 't-9', excerpt: 'staging database' }));
    expect(noTurn.message).toMatch(/The excerpt must be words from the source/);

    // Evidence was taken from this transcript: importing another is refused, nothing changes.
    const again = await rejection(editor.interviews.importTranscript({ id: interview.id, content: VTT, fileName: 'b.vtt', speakers }));
    expect(again.code).toBe('CONFLICT');
    expect((await viewer.interviews.transcript({ id: interview.id })).fileName).toBe('zoom.vtt');
  });

  it('refuses a recording address that is not a web address', async () => {
    const interview = await newInterview();
    const refused = await rejection(editor.interviews.setRecordingUrl({ id: interview.id, recordingUrl: 'javascript:alert(1)' }));
    expect(refused.message).toMatch(/Paste the recording’s address/);
  });
});

describe('search', () => {
  it('finds words of a transcript like notes, linking to the turn', async () => {
    const interview = await newInterview();
    await editor.interviews.importTranscript({
      id: interview.id,
      content: '[00:00:05] Priya Shah: Anything else?\n[00:00:09] Ada Okafor: The kubeconfig rotation breaks weekly.\n',
      fileName: 'otter.txt',
      speakers,
    });
    const found = await viewer.search.query({ text: 'kubeconfig rotation' });
    expect(found.results).toEqual([
      expect.objectContaining({ kind: 'transcript-turn', path: `/interviews/${interview.id}#t-2`, context: 'Transcript, Ada Okafor at 00:00:09' }),
    ]);
  });
});
