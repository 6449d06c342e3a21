// Procedures for surveys: the builder, lifecycle, invitations, results, trend, free text, export,
// imports of past surveys, and the public form's view of a survey (answers go through REST).
import { z } from 'zod';
import * as fields from '@/server/fields';
import { bodyBytesForText, createRouter, editorProcedure, memberProcedure, publicProcedure } from '@/server/trpc';
import { ANSWERED_MARKER_VALUE, answeredMarkerName, QUESTION_KINDS, MAX_TITLE, quarterSchema, isoDateSchema, surveyDraftSchema, todayOf } from './rules';
import * as service from './service';
import * as importService from './service-import';
import * as responses from './service-responses';
import * as results from './service-results';

const columnTarget = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('skip') }),
    z.object({ kind: z.literal('date') }),
    z.object({ kind: z.literal('team') }),
    z.object({ kind: z.literal('tenure') }),
    z.object({
      kind: z.literal('question'),
      questionKind: z.enum(QUESTION_KINDS, { message: 'Choose a question type' }),
      separator: z.enum([',', ';']).nullish(),
      seriesKey: z.uuid().nullish(),
    }),
  ],
  { message: 'Choose what this column holds' },
);

const importFile = {
  fileName: z.string().trim().min(1).max(255),
  text: z.string().max(importService.MAX_IMPORT_CHARS, 'The file is larger than 10 MB. Split it into smaller files.'),
};

const publicForm = z.object({
  state: z.enum(['scheduled', 'open', 'closed', 'invitation-required', 'invitation-invalid', 'already-answered']),
  title: z.string(),
  intro: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  asksTeam: z.boolean(),
  asksTenure: z.boolean(),
  /** The form marks the browser after sending, and says so when it finds the mark. */
  oneAnswerPerBrowser: z.boolean(),
  teams: z.array(z.string()),
  questions: z.array(
    z.object({ id: z.string(), kind: z.enum(QUESTION_KINDS), prompt: z.string(), isRequired: z.boolean(), options: z.array(z.string()) }),
  ),
});

export const surveysRouter = createRouter({
  list: memberProcedure.query(({ ctx }) => service.listSurveys(ctx.db, { today: todayOf() })),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getSurvey(ctx.db, { id: input.id, today: todayOf() })),

  create: editorProcedure.input(surveyDraftSchema).mutation(({ ctx, input }) => service.createSurvey(ctx.db, { draft: input, createdBy: ctx.user.id })),

  update: editorProcedure
    .input(z.object({ id: fields.id, draft: surveyDraftSchema }))
    .mutation(({ ctx, input }) => service.updateSurvey(ctx.db, input)),

  runAgain: editorProcedure
    .input(z.object({ id: fields.id }))
    .mutation(({ ctx, input }) => service.runSurveyAgain(ctx.db, { id: input.id, createdBy: ctx.user.id, today: todayOf() })),

  setClosed: editorProcedure
    .input(z.object({ id: fields.id, isClosed: z.boolean() }))
    .mutation(({ ctx, input }) => service.setSurveyClosed(ctx.db, { ...input, today: todayOf() })),

  delete: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteSurvey(ctx.db, input)),

  createInvitations: editorProcedure
    .input(z.object({ id: fields.id, teamId: fields.id.nullish() }))
    .mutation(({ ctx, input }) => responses.createInvitations(ctx.db, { surveyId: input.id, teamId: input.teamId ?? null, today: todayOf() })),

  results: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => results.getSurveyResults(ctx.db, input)),

  trend: memberProcedure
    .input(z.object({ id: fields.id, seriesKey: fields.id.nullish() }))
    .query(({ ctx, input }) => results.getSurveyTrend(ctx.db, input)),

  freeText: memberProcedure
    .input(
      z.object({
        id: fields.id,
        questionId: fields.id.nullish(),
        /** One answer, for a link back from evidence. */
        responseId: fields.id.nullish(),
        search: z.string().max(200, 'Keep the search under 200 characters').nullish(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => results.listFreeTextAnswers(ctx.db, input)),

  /** Editors only: the raw rows carry team and tenure, which the results hide for small groups. */
  exportCsv: editorProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => results.exportSurveyCsv(ctx.db, input)),

  previewImport: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(importService.MAX_IMPORT_CHARS) })
    .input(z.object(importFile)).mutation(({ ctx, input }) => importService.previewSurveyImport(ctx.db, input)),

  import: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(importService.MAX_IMPORT_CHARS) })
    .input(
      z.object({
        ...importFile,
        title: z.string().trim().min(1, 'Give the imported survey a title').max(MAX_TITLE, `Keep the title under ${MAX_TITLE} characters`),
        quarter: quarterSchema,
        seriesId: fields.id.nullish(),
        invitedCount: z.number().int('Enter a whole number').min(1, 'Enter how many people received it, or leave it empty').max(10_000_000).nullish(),
        closesOn: isoDateSchema.nullish(),
        mapping: z.array(z.object({ column: z.number().int().min(0).max(2000), target: columnTarget })).max(2000),
      }),
    )
    .mutation(({ ctx, input }) =>
      importService.importSurvey(ctx.db, {
        ...input,
        seriesId: input.seriesId ?? null,
        invitedCount: input.invitedCount ?? null,
        closesOn: input.closesOn ?? null,
        createdBy: ctx.user.id,
      }),
    ),

  /** The public form: the questions of an open survey, nothing about its answers or invitees. */
  publicForm: publicProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(200), invitation: z.string().trim().max(200).nullish() }))
    .output(publicForm)
    .query(({ ctx, input }) =>
      service.getPublicForm(ctx.db, {
        slug: input.slug,
        invitation: input.invitation ?? null,
        hasAnswered: ctx.cookies.get?.(answeredMarkerName(input.slug)) === ANSWERED_MARKER_VALUE,
        today: todayOf(),
      }),
    ),
});
