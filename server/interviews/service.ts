// Interviews and their guides: recording an interview from a guide (its questions are copied
// into the interview), autosaving answers and details with conflict detection between tabs, and
// editing guides other than the default discovery guide.
import type { InterviewStatus } from '@/db/types';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as evidenceQueries from '@/server/evidence/queries';
import { requireActiveParticipant } from '@/server/participants/service';
import { mergeChanges, type FieldChange, type FieldConflict } from '@/server/lib/merge-changes';
import * as queries from './queries';
import { answerField, answerPositionOf, describeField, interviewDateProblem, interviewTextSchema, INTERVIEW_STATUSES } from './rules';

// ---- Guides ------------------------------------------------------------------------------------

export async function createGuide(db: Db, input: { title: string; questions: string[]; createdBy: string | null }) {
  return db.transaction().execute(async (trx) => {
    const guide = await queries.insertGuide(trx, { title: input.title, createdBy: input.createdBy });
    await queries.replaceGuideQuestions(trx, { guideId: guide.id, prompts: input.questions });
    return guide;
  });
}

async function editableGuide(db: Db, id: string) {
  const guide = await queries.findGuide(db, { id });
  if (!guide) throw new AppError('NOT_FOUND', 'This interview guide no longer exists.');
  if (guide.is_default) {
    throw new AppError('BAD_REQUEST', 'The default discovery guide stays as it is. Make a new guide to ask other questions.');
  }
  return guide;
}

/** Saves a guide's title and its questions in the order given (reordering is a save). */
export async function updateGuide(db: Db, input: { id: string; title: string; questions: string[] }) {
  await db.transaction().execute(async (trx) => {
    await editableGuide(trx, input.id);
    await queries.updateGuideTitle(trx, { id: input.id, title: input.title });
    await queries.replaceGuideQuestions(trx, { guideId: input.id, prompts: input.questions });
  });
}

/** Interviews recorded with the guide keep their questions: they hold their own copy. */
export async function deleteGuide(db: Db, input: { id: string }) {
  await editableGuide(db, input.id);
  await queries.deleteGuide(db, input);
}

// ---- Recording an interview --------------------------------------------------------------------

async function checkInterviewer(db: Db, interviewerId: string | null) {
  if (interviewerId && !(await queries.userExists(db, { id: interviewerId }))) {
    throw new AppError('BAD_REQUEST', 'This interviewer is no longer a workspace member. Pick another one.', { field: 'interviewerId' });
  }
}

export async function createInterview(
  db: Db,
  input: { participantId: string; interviewedOn: string; interviewerId: string | null; guideId?: string | null; createdBy: string | null },
) {
  return db.transaction().execute(async (trx) => {
    await requireActiveParticipant(trx, { id: input.participantId });
    await checkInterviewer(trx, input.interviewerId);
    const guide = input.guideId ? await queries.findGuide(trx, { id: input.guideId }) : await queries.findDefaultGuide(trx);
    if (!guide) throw new AppError('BAD_REQUEST', 'This interview guide no longer exists. Pick another guide.', { field: 'guideId' });
    const prompts = (await queries.listGuideQuestions(trx, { guideIds: [guide.id] })).get(guide.id)?.map((question) => question.prompt) ?? [];
    return queries.insertInterview(trx, {
      values: {
        participant_id: input.participantId,
        interviewed_on: input.interviewedOn,
        interviewer_id: input.interviewerId,
        guide_id: guide.id,
        guide_title: guide.title,
        created_by: input.createdBy,
      },
      prompts,
    });
  });
}

export async function getInterview(db: Db, input: { id: string }) {
  const interview = await queries.getInterview(db, input);
  if (!interview) throw new AppError('NOT_FOUND', 'This interview no longer exists.');
  return interview;
}

// ---- Autosave ----------------------------------------------------------------------------------

export interface SaveResult {
  /** Fields whose change was refused because another tab or person changed them first. */
  conflicts: (FieldConflict & { label: string })[];
  interview: Awaited<ReturnType<typeof getInterview>>;
}

/** Checks one changed value and turns it into what is stored. Throws naming the field. */
async function validateChange(db: Db, field: string, value: string | null): Promise<string | null> {
  const refuse = (message: string): never => {
    throw new AppError('BAD_REQUEST', message, { field });
  };
  if (field === 'notes' || answerPositionOf(field) !== null) {
    const parsed = interviewTextSchema.safeParse(value ?? '');
    if (!parsed.success) refuse(parsed.error.issues[0].message);
    return parsed.data ?? '';
  }
  if (field === 'participantId') {
    if (!value) return refuse('Pick the developer you interviewed.');
    await requireActiveParticipant(db, { id: value, field });
    return value;
  }
  if (field === 'interviewedOn') {
    const problem = interviewDateProblem(value ?? '');
    if (problem) refuse(problem);
    return value;
  }
  if (field === 'interviewerId') {
    await checkInterviewer(db, value);
    return value || null;
  }
  if (field === 'status') {
    if (!INTERVIEW_STATUSES.includes(value as InterviewStatus)) refuse('Choose draft or complete.');
    return value;
  }
  return refuse(`An interview has no field "${field}".`);
}

/**
 * Saves changed fields of an interview. Each change names the value its tab last saw; a field
 * changed meanwhile by someone else is not overwritten but returned as a conflict, while the
 * other fields of the same save are kept. Unknown fields or invalid values refuse the whole save.
 */
export async function saveInterview(db: Db, input: { id: string; changes: FieldChange[] }): Promise<SaveResult> {
  const conflicts = await db.transaction().execute(async (trx) => {
    const stored = await queries.lockInterviewValues(trx, { id: input.id });
    if (!stored) throw new AppError('NOT_FOUND', 'This interview no longer exists. It may have been deleted in another tab.');
    const current: Record<string, string | null> = {
      participantId: stored.participant_id,
      interviewedOn: stored.interviewed_on,
      interviewerId: stored.interviewer_id,
      status: stored.status,
      notes: stored.notes,
    };
    for (const answer of stored.answers) current[answerField(answer.position)] = answer.body;

    const validated: FieldChange[] = [];
    for (const change of input.changes) {
      validated.push({ ...change, value: await validateChange(trx, change.field, change.value) });
    }
    const merge = mergeChanges(current, validated);
    if (merge.unknown.length > 0) {
      const [field] = merge.unknown;
      const position = answerPositionOf(field);
      const message = position === null ? `An interview has no field "${field}".` : `This interview has no question ${position}; reload the page.`;
      throw new AppError('BAD_REQUEST', message, { field });
    }

    const values: queries.InterviewValues = {};
    for (const { field, value } of merge.apply) {
      const position = answerPositionOf(field);
      if (position !== null) await queries.updateAnswer(trx, { interviewId: input.id, position, body: value ?? '' });
      else if (field === 'participantId') values.participant_id = value!;
      else if (field === 'interviewedOn') values.interviewed_on = value!;
      else if (field === 'interviewerId') values.interviewer_id = value;
      else if (field === 'status') values.status = value as InterviewStatus;
      else if (field === 'notes') values.notes = value ?? '';
    }
    if (merge.apply.length > 0) await queries.updateInterview(trx, { id: input.id, values });
    return merge.conflicts;
  });
  return {
    conflicts: conflicts.map((conflict) => ({ ...conflict, label: describeField(conflict.field) })),
    interview: await getInterview(db, { id: input.id }),
  };
}

/** Deletes an interview and the evidence saved from it (its links would lead nowhere). */
export async function deleteInterview(db: Db, input: { id: string }) {
  return db.transaction().execute(async (trx) => {
    const evidenceRemoved = await evidenceQueries.deleteEvidenceOfSource(trx, { sourceKind: 'interview', sourceId: input.id });
    if (!(await queries.deleteInterview(trx, input))) throw new AppError('NOT_FOUND', 'This interview no longer exists.');
    return { evidenceRemoved };
  });
}
