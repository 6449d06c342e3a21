// Kysely queries for interview guides, interviews, their answers and their transcripts.
import { sql } from 'kysely';
import type { InterviewStatus, SpeakerRole } from '@/db/types';
import type { Db } from '@/server/db';

// ---- Guides ------------------------------------------------------------------------------------

export async function listGuides(db: Db) {
  const guides = await db
    .selectFrom('interview_guides')
    .select(['id', 'title', 'is_default as isDefault', 'updated_at as updatedAt'])
    .orderBy('is_default', 'desc')
    .orderBy(sql`lower(title)`)
    .execute();
  const questions = await listGuideQuestions(db, { guideIds: guides.map((guide) => guide.id) });
  return guides.map((guide) => ({ ...guide, questions: questions.get(guide.id) ?? [] }));
}

export async function listGuideQuestions(db: Db, input: { guideIds: string[] }) {
  const byGuide = new Map<string, { position: number; prompt: string }[]>();
  if (input.guideIds.length === 0) return byGuide;
  const rows = await db
    .selectFrom('interview_guide_questions')
    .select(['guide_id', 'position', 'prompt'])
    .where('guide_id', 'in', input.guideIds)
    .orderBy('guide_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byGuide.get(row.guide_id) ?? [];
    list.push({ position: row.position, prompt: row.prompt });
    byGuide.set(row.guide_id, list);
  }
  return byGuide;
}

export async function findGuide(db: Db, input: { id: string }) {
  return db.selectFrom('interview_guides').select(['id', 'title', 'is_default']).where('id', '=', input.id).executeTakeFirst();
}

export async function findDefaultGuide(db: Db) {
  return db.selectFrom('interview_guides').select(['id', 'title', 'is_default']).where('is_default', '=', true).executeTakeFirst();
}

export async function insertGuide(db: Db, input: { title: string; createdBy: string | null }) {
  return db.insertInto('interview_guides').values({ title: input.title, created_by: input.createdBy }).returning(['id']).executeTakeFirstOrThrow();
}

export async function updateGuideTitle(db: Db, input: { id: string; title: string }) {
  await db.updateTable('interview_guides').set({ title: input.title, updated_at: new Date() }).where('id', '=', input.id).execute();
}

export async function replaceGuideQuestions(db: Db, input: { guideId: string; prompts: string[] }) {
  await db.deleteFrom('interview_guide_questions').where('guide_id', '=', input.guideId).execute();
  if (input.prompts.length === 0) return;
  await db
    .insertInto('interview_guide_questions')
    .values(input.prompts.map((prompt, index) => ({ guide_id: input.guideId, position: index + 1, prompt })))
    .execute();
}

export async function deleteGuide(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('interview_guides').where('id', '=', input.id).where('is_default', '=', false).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- Interviews --------------------------------------------------------------------------------

export interface InterviewFilter {
  status?: InterviewStatus;
  participantId?: string;
  teamId?: string;
  limit: number;
  offset: number;
}

export async function listInterviews(db: Db, filter: InterviewFilter) {
  let query = db
    .selectFrom('interviews')
    .innerJoin('participants', 'participants.id', 'interviews.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .leftJoin('users', 'users.id', 'interviews.interviewer_id');
  if (filter.status) query = query.where('interviews.status', '=', filter.status);
  if (filter.participantId) query = query.where('interviews.participant_id', '=', filter.participantId);
  if (filter.teamId) query = query.where('participants.team_id', '=', filter.teamId);
  const [rows, total] = await Promise.all([
    query
      .select((eb) => [
        'interviews.id',
        'interviews.interviewed_on as interviewedOn',
        'interviews.status',
        'interviews.guide_title as guideTitle',
        'interviews.updated_at as updatedAt',
        'interviews.participant_id as participantId',
        'participants.display_name as participantName',
        'participants.tenure_band as participantTenureBand',
        'participants.background as participantBackground',
        'teams.name as teamName',
        'users.name as interviewerName',
        eb
          .selectFrom('interview_answers')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('interview_answers.interview_id', '=', 'interviews.id')
          .where(sql<boolean>`btrim(interview_answers.body) <> ''`)
          .as('answeredCount'),
        eb
          .selectFrom('interview_answers')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('interview_answers.interview_id', '=', 'interviews.id')
          .as('questionCount'),
        eb
          .selectFrom('evidence')
          .select(sql<number>`count(*)::int`.as('count'))
          .where('evidence.source_kind', '=', 'interview')
          .whereRef('evidence.source_id', '=', 'interviews.id')
          .as('evidenceCount'),
      ])
      .orderBy('interviews.interviewed_on', 'desc')
      .orderBy('interviews.created_at', 'desc')
      .orderBy('interviews.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.count };
}

export async function getInterview(db: Db, input: { id: string }) {
  const interview = await db
    .selectFrom('interviews')
    .innerJoin('participants', 'participants.id', 'interviews.participant_id')
    .leftJoin('teams', 'teams.id', 'participants.team_id')
    .leftJoin('users', 'users.id', 'interviews.interviewer_id')
    .select([
      'interviews.id',
      'interviews.participant_id as participantId',
      'interviews.interviewed_on as interviewedOn',
      'interviews.interviewer_id as interviewerId',
      'interviews.guide_id as guideId',
      'interviews.guide_title as guideTitle',
      'interviews.notes',
      'interviews.status',
      'interviews.created_at as createdAt',
      'interviews.updated_at as updatedAt',
      'participants.display_name as participantName',
      'participants.tenure_band as participantTenureBand',
      'participants.background as participantBackground',
      'participants.archived_at as participantArchivedAt',
      'teams.name as teamName',
      'users.name as interviewerName',
    ])
    .where('interviews.id', '=', input.id)
    .executeTakeFirst();
  if (!interview) return undefined;
  const answers = await listAnswers(db, { interviewId: input.id });
  return { ...interview, answers };
}

export async function listAnswers(db: Db, input: { interviewId: string }) {
  return db
    .selectFrom('interview_answers')
    .select(['position', 'prompt', 'body', 'updated_at as updatedAt'])
    .where('interview_id', '=', input.interviewId)
    .orderBy('position')
    .execute();
}

/** The stored values an autosave is merged against, locked until the transaction ends. */
export async function lockInterviewValues(db: Db, input: { id: string }) {
  const row = await db
    .selectFrom('interviews')
    .select(['participant_id', 'interviewed_on', 'interviewer_id', 'status', 'notes'])
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, answers: await listAnswers(db, { interviewId: input.id }) };
}

export interface NewInterview {
  participant_id: string;
  interviewed_on: string;
  interviewer_id: string | null;
  guide_id: string | null;
  guide_title: string;
  notes?: string;
  status?: InterviewStatus;
  created_by: string | null;
}

export async function insertInterview(db: Db, input: { values: NewInterview; prompts: string[]; answers?: string[] }) {
  const row = await db.insertInto('interviews').values(input.values).returning(['id']).executeTakeFirstOrThrow();
  if (input.prompts.length > 0) {
    await db
      .insertInto('interview_answers')
      .values(input.prompts.map((prompt, index) => ({ interview_id: row.id, position: index + 1, prompt, body: input.answers?.[index] ?? '' })))
      .execute();
  }
  return row;
}

export interface InterviewValues {
  participant_id?: string;
  interviewed_on?: string;
  interviewer_id?: string | null;
  status?: InterviewStatus;
  notes?: string;
}

export async function updateInterview(db: Db, input: { id: string; values: InterviewValues }) {
  await db
    .updateTable('interviews')
    .set({ ...input.values, updated_at: new Date() })
    .where('id', '=', input.id)
    .execute();
}

export async function updateAnswer(db: Db, input: { interviewId: string; position: number; body: string }) {
  await db
    .updateTable('interview_answers')
    .set({ body: input.body, updated_at: new Date() })
    .where('interview_id', '=', input.interviewId)
    .where('position', '=', input.position)
    .execute();
}

export async function deleteInterview(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('interviews').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- What an interview refers to --------------------------------------------------------------

export async function userExists(db: Db, input: { id: string }): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').where('id', '=', input.id).executeTakeFirst());
}

/** The text of one spot of an interview, for evidence: an answer, the notes, or all of it. */
export async function findInterviewSource(db: Db, input: { id: string }) {
  const interview = await db
    .selectFrom('interviews')
    .select(['id', 'participant_id', 'interviewed_on', 'notes'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!interview) return undefined;
  return { ...interview, answers: await listAnswers(db, { interviewId: input.id }) };
}

// ---- Transcripts: turns, speaker roles remembered per name, the recording address --------------

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
