// Kysely queries for interview transcripts: turns, the role remembered for each speaker name, and
// the interview's recording address.
import { sql } from 'kysely';
import type { SpeakerRole } from '@/db/types';
import type { Db } from '../db';

export async function findTranscriptInfo(db: Db, input: { interviewId: string }) {
  return db
    .selectFrom('interviews')
    .select(['id', 'recording_url as recordingUrl', 'transcript_file_name as fileName'])
    .where('id', '=', input.interviewId)
    .executeTakeFirst();
}

export async function listTurns(db: Db, input: { interviewId: string }) {
  return db
    .selectFrom('interview_transcript_turns')
    .select(['position', 'speaker_name as speakerName', 'speaker_role as speakerRole', 'start_ms as startMs', 'body'])
    .where('interview_id', '=', input.interviewId)
    .orderBy('position')
    .execute();
}

export async function findTurn(db: Db, input: { interviewId: string; position: number }) {
  return db
    .selectFrom('interview_transcript_turns')
    .select(['position', 'start_ms as startMs', 'body'])
    .where('interview_id', '=', input.interviewId)
    .where('position', '=', input.position)
    .executeTakeFirst();
}

/** Roles remembered per speaker name (trimmed, lower-cased). */
export async function findSpeakerRoles(db: Db, input: { keys: string[] }) {
  if (input.keys.length === 0) return new Map<string, SpeakerRole>();
  const rows = await db.selectFrom('transcript_speaker_roles').select(['speaker_key', 'speaker_role']).where('speaker_key', 'in', input.keys).execute();
  return new Map(rows.map((row) => [row.speaker_key, row.speaker_role]));
}

export async function saveSpeakerRoles(db: Db, input: { roles: { speaker_key: string; speaker_role: SpeakerRole }[] }) {
  if (input.roles.length === 0) return;
  await db
    .insertInto('transcript_speaker_roles')
    .values(input.roles)
    .onConflict((oc) => oc.column('speaker_key').doUpdateSet({ speaker_role: sql`excluded.speaker_role`, updated_at: sql`now()` }))
    .execute();
}

export async function replaceTurns(
  db: Db,
  input: { interviewId: string; fileName: string; turns: { position: number; speaker_name: string; speaker_role: SpeakerRole; start_ms: number; body: string }[] },
) {
  await db.deleteFrom('interview_transcript_turns').where('interview_id', '=', input.interviewId).execute();
  for (let start = 0; start < input.turns.length; start += 1000) {
    await db
      .insertInto('interview_transcript_turns')
      .values(input.turns.slice(start, start + 1000).map((turn) => ({ ...turn, interview_id: input.interviewId })))
      .execute();
  }
  await db.updateTable('interviews').set({ transcript_file_name: input.fileName, updated_at: sql`now()` }).where('id', '=', input.interviewId).execute();
}

/** Evidence taken from this interview's transcript turns (their paths end in /turns/<n>). */
export async function countTranscriptEvidence(db: Db, input: { interviewId: string }): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('source_kind', '=', 'interview')
    .where('source_id', '=', input.interviewId)
    .where('source_path', 'like', `/interviews/${input.interviewId}/turns/%`)
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function setRecordingUrl(db: Db, input: { interviewId: string; recordingUrl: string | null }) {
  return db
    .updateTable('interviews')
    .set({ recording_url: input.recordingUrl, updated_at: sql`now()` })
    .where('id', '=', input.interviewId)
    .returning('id')
    .executeTakeFirst();
}
