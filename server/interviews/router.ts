// Procedures for interviews and interview guides.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as queries from './queries';
import { FIELD_PATTERN, guideTitleSchema, interviewDateSchema, INTERVIEW_STATUSES, MAX_INTERVIEW_TEXT, questionsSchema } from './rules';
import * as service from './service';
import * as transcripts from './service-transcript';
import { recordingUrlSchema, SPEAKER_ROLES, transcriptContentSchema, transcriptFileNameSchema } from './transcript-rules';

const status = z.enum(INTERVIEW_STATUSES as ['draft', 'complete'], { message: 'Choose draft or complete' });
const fieldValue = z.string().max(MAX_INTERVIEW_TEXT * 2, 'This text is too long').nullable();

export const interviewGuidesRouter = createRouter({
  list: memberProcedure.query(({ ctx }) => queries.listGuides(ctx.db)),

  create: editorProcedure
    .input(z.object({ title: guideTitleSchema, questions: questionsSchema }))
    .mutation(({ ctx, input }) => service.createGuide(ctx.db, { ...input, createdBy: ctx.user.id })),

  update: editorProcedure
    .input(z.object({ id: fields.id, title: guideTitleSchema, questions: questionsSchema }))
    .mutation(({ ctx, input }) => service.updateGuide(ctx.db, input)),

  delete: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteGuide(ctx.db, input)),
});

export const interviewsRouter = createRouter({
  guides: interviewGuidesRouter,

  list: memberProcedure
    .input(
      z.object({
        status: status.optional(),
        participantId: fields.id.optional(),
        teamId: fields.id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => queries.listInterviews(ctx.db, input)),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getInterview(ctx.db, input)),

  create: editorProcedure
    .input(
      z.object({
        participantId: z.uuid({ message: 'Pick the developer you interviewed' }),
        interviewedOn: interviewDateSchema,
        interviewerId: fields.id.nullish().transform((value) => value ?? null),
        guideId: fields.id.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => service.createInterview(ctx.db, { ...input, createdBy: ctx.user.id })),

  /** Autosave: changed fields with the value the tab last saw; conflicting fields are returned, not written. */
  save: editorProcedure
    .input(
      z.object({
        id: fields.id,
        changes: z
          .array(
            z.object({
              field: z.string().regex(FIELD_PATTERN, 'This is not a field of an interview'),
              base: fieldValue,
              value: fieldValue,
            }),
          )
          .min(1, 'Nothing to save')
          .max(100, 'Save at most 100 fields at once'),
      }),
    )
    .mutation(({ ctx, input }) => service.saveInterview(ctx.db, input)),

  delete: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteInterview(ctx.db, input)),

  transcript: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => transcripts.getTranscript(ctx.db, { interviewId: input.id })),

  /** What an import would bring in: format, turns and speakers with their remembered roles. Writes nothing. */
  previewTranscript: editorProcedure
    .input(z.object({ content: transcriptContentSchema }))
    .mutation(({ ctx, input }) => transcripts.previewTranscript(ctx.db, input)),

  importTranscript: editorProcedure
    .input(
      z.object({
        id: fields.id,
        content: transcriptContentSchema,
        fileName: transcriptFileNameSchema,
        speakers: z
          .array(
            z.object({
              name: z.string().min(1).max(200),
              role: z.enum(SPEAKER_ROLES as ['interviewer', 'participant'], { message: 'Choose interviewer or participant' }),
            }),
          )
          .min(1, 'Choose a role for each speaker')
          .max(100),
      }),
    )
    .mutation(({ ctx, input }) => transcripts.importTranscript(ctx.db, { ...input, interviewId: input.id })),

  setRecordingUrl: editorProcedure
    .input(z.object({ id: fields.id, recordingUrl: recordingUrlSchema.nullable() }))
    .mutation(({ ctx, input }) => transcripts.setRecordingUrl(ctx.db, { interviewId: input.id, recordingUrl: input.recordingUrl })),

  /** Where evidence from a transcript turn opens: the recording at that second, else the turn. */
  turnLink: memberProcedure
    .input(z.object({ id: fields.id, position: z.number().int().min(1) }))
    .query(({ ctx, input }) => transcripts.turnLink(ctx.db, { interviewId: input.id, position: input.position })),
});
