// Interview transcripts: preview a file (its speakers, with the role remembered for each name),
// import it as speaker turns mapped to interviewer and participant, show it, and link a turn to
// the recording at that second. A refused import writes nothing.
import type { SpeakerRole } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { parseTranscript, TranscriptError, type ParsedTranscript } from './parse-transcript';
import * as queries from './queries';
import { MAX_TURNS, recordingAt, speakerKey, turnAnchor } from './transcript-rules';

function parse(content: string): ParsedTranscript {
  try {
    const parsed = parseTranscript(content);
    if (parsed.turns.length > MAX_TURNS) {
      throw new AppError('BAD_REQUEST', `The transcript has ${parsed.turns.length.toLocaleString('en-US')} turns; at most ${MAX_TURNS.toLocaleString('en-US')} are imported.`, { field: 'content' });
    }
    return parsed;
  } catch (error) {
    if (error instanceof TranscriptError) throw new AppError('BAD_REQUEST', error.message, { field: 'content' });
    throw error;
  }
}

function speakersOf(parsed: ParsedTranscript) {
  const counts = new Map<string, number>();
  for (const turn of parsed.turns) counts.set(turn.speaker, (counts.get(turn.speaker) ?? 0) + 1);
  return [...counts.entries()].map(([name, turns]) => ({ name, turns }));
}

/** The file's format, turns and speakers, each with the role saved for that name (if any). */
export async function previewTranscript(db: Db, input: { content: string }) {
  const parsed = parse(input.content);
  const speakers = speakersOf(parsed);
  const saved = await queries.findSpeakerRoles(db, { keys: speakers.map((speaker) => speakerKey(speaker.name)) });
  return {
    format: parsed.format,
    turnCount: parsed.turns.length,
    durationMs: parsed.turns.at(-1)?.startMs ?? 0,
    speakers: speakers.map((speaker) => ({ ...speaker, savedRole: saved.get(speakerKey(speaker.name)) ?? null })),
  };
}

/**
 * Imports the transcript, replacing an earlier one unless evidence was taken from it. Every
 * speaker needs a role, and only the file's speakers may be given one.
 */
export async function importTranscript(
  db: Db,
  input: { interviewId: string; content: string; fileName: string; speakers: { name: string; role: SpeakerRole }[] },
) {
  const parsed = parse(input.content);
  const names = speakersOf(parsed).map((speaker) => speaker.name);
  const roleOf = new Map(input.speakers.map((speaker) => [speaker.name, speaker.role]));
  const unknown = input.speakers.filter((speaker) => !names.includes(speaker.name));
  if (unknown.length > 0) {
    throw new AppError('BAD_REQUEST', `No speaker named “${unknown[0].name}” is in this transcript; its speakers are ${names.map((name) => `“${name}”`).join(', ')}.`, {
      field: 'speakers',
    });
  }
  const unmapped = names.filter((name) => !roleOf.has(name));
  if (unmapped.length > 0) {
    throw new AppError('BAD_REQUEST', `Choose whether “${unmapped[0]}” is the interviewer or the participant.`, { field: 'speakers' });
  }
  return db.transaction().execute(async (trx) => {
    if (!(await queries.findTranscriptInfo(trx, { interviewId: input.interviewId }))) throw new AppError('NOT_FOUND', 'This interview no longer exists.');
    const evidence = await queries.countTranscriptEvidence(trx, { interviewId: input.interviewId });
    if (evidence > 0) {
      throw new AppError('CONFLICT', `${evidence} evidence item${evidence === 1 ? ' was' : 's were'} taken from the current transcript; delete ${evidence === 1 ? 'it' : 'them'} before importing another.`, {
        field: 'content',
      });
    }
    await queries.replaceTurns(trx, {
      interviewId: input.interviewId,
      fileName: input.fileName,
      turns: parsed.turns.map((turn, index) => ({
        position: index + 1,
        speaker_name: turn.speaker,
        speaker_role: roleOf.get(turn.speaker)!,
        start_ms: turn.startMs,
        body: turn.text,
      })),
    });
    await queries.saveSpeakerRoles(trx, { roles: names.map((name) => ({ speaker_key: speakerKey(name), speaker_role: roleOf.get(name)! })) });
    return { turnCount: parsed.turns.length, format: parsed.format };
  });
}

export async function getTranscript(db: Db, input: { interviewId: string }) {
  const info = await queries.findTranscriptInfo(db, input);
  if (!info) throw new AppError('NOT_FOUND', 'This interview no longer exists.');
  const turns = await queries.listTurns(db, input);
  return {
    fileName: info.fileName,
    recordingUrl: info.recordingUrl,
    turns: turns.map((turn) => ({
      ...turn,
      anchor: turnAnchor(turn.position),
      recordingHref: info.recordingUrl ? recordingAt(info.recordingUrl, turn.startMs / 1000) : null,
    })),
  };
}

export async function setRecordingUrl(db: Db, input: { interviewId: string; recordingUrl: string | null }) {
  if (!(await queries.setRecordingUrl(db, input))) throw new AppError('NOT_FOUND', 'This interview no longer exists.');
}

/** Where the link of evidence from a turn goes: the recording at that second, else the turn itself. */
export async function turnLink(db: Db, input: { interviewId: string; position: number }) {
  const info = await queries.findTranscriptInfo(db, input);
  const turn = info && (await queries.findTurn(db, input));
  if (!info || !turn) throw new AppError('NOT_FOUND', 'This part of the transcript no longer exists.');
  if (info.recordingUrl) return { href: recordingAt(info.recordingUrl, turn.startMs / 1000) };
  return { href: `/interviews/${input.interviewId}#${turnAnchor(turn.position)}` };
}
