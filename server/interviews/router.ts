// Procedures for interviews and interview guides.
import { z } from 'zod';
import * as fields from '../fields';
import { createRouter, editorProcedure, memberProcedure } from '../trpc';
import * as queries from './queries';
import { FIELD_PATTERN, guideTitleSchema, interviewDateSchema, INTERVIEW_STATUSES, MAX_INTERVIEW_TEXT, questionsSchema } from './rules';
import * as service from './service';

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
});
