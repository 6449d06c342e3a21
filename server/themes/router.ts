// Procedures for pain themes: list, detail with the evidence behind its numbers, edit, MVP focus,
// merge (with undo) and split.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { inventoryFilterSchema } from '@/server/inventory/inventory-params';
import { explainThemeRanking } from '@/server/inventory/service-ranking';
import { SOURCE_KINDS } from '@/server/evidence/rules';
import { createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as queries from './queries';
import { listThemeEvidence } from './queries-evidence';
import { THEME_STATUSES, themeDescriptionSchema, themeTitleSchema } from './rules';
import * as service from './service';
import * as suggestions from './service-suggestions';

const filter = inventoryFilterSchema.default({});
const status = z.enum(THEME_STATUSES, { message: 'Choose candidate, confirmed or archived' });
const page = { limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) };

export const themesRouter = createRouter({
  options: memberProcedure.query(({ ctx }) => queries.listThemeOptions(ctx.db)),

  list: memberProcedure
    .input(
      z.object({
        status: z.enum(['active', ...THEME_STATUSES, 'merged', 'all']).default('active'),
        search: z.string().trim().max(200).optional(),
      }),
    )
    .query(({ ctx, input }) => queries.listThemes(ctx.db, input)),

  get: memberProcedure
    .input(z.object({ id: fields.id, filter }))
    .query(({ ctx, input }) => service.getThemeDetail(ctx.db, input)),

  /** The live theme an id stands for: a merged theme's page forwards to it. */
  live: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.findLiveTheme(ctx.db, input)),

  evidence: memberProcedure
    .input(
      z.object({
        id: fields.id,
        filter,
        who: z.enum(['attributed', 'unattributed']).optional(),
        sourceKind: z.enum(SOURCE_KINDS).optional(),
        participantId: fields.id.optional(),
        ...page,
      }),
    )
    .query(({ ctx, input }) => listThemeEvidence(ctx.db, { ...input, themeId: input.id })),

  /** "How was this computed?": each affected developer's items and the value that counted, the median and the score. */
  explain: memberProcedure
    .input(z.object({ id: fields.id, filter }))
    .query(({ ctx, input }) => explainThemeRanking(ctx.db, { themeId: input.id, filter: input.filter })),

  /** Evidence not in this theme yet, to tag into it from the theme's page. */
  evidenceOutside: memberProcedure
    .input(z.object({ id: fields.id, isUntaggedOnly: z.boolean().default(true), ...page }))
    .query(({ ctx, input }) => service.listEvidenceOutsideTheme(ctx.db, { ...input, themeId: input.id })),

  create: editorProcedure
    .input(z.object({ title: themeTitleSchema, description: themeDescriptionSchema.optional() }))
    .mutation(({ ctx, input }) => service.createTheme(ctx.db, { ...input, createdBy: ctx.user.id })),

  update: editorProcedure
    .input(z.object({ id: fields.id, title: themeTitleSchema, description: themeDescriptionSchema, status }))
    .mutation(({ ctx, input }) => service.updateTheme(ctx.db, input)),

  setMvpFocus: editorProcedure
    .input(z.object({ id: fields.id, isFocus: z.boolean() }))
    .mutation(({ ctx, input }) => service.setMvpFocus(ctx.db, input)),

  merge: editorProcedure
    .input(z.object({ sourceId: fields.id, targetId: z.uuid({ message: 'Choose the theme to merge into' }) }))
    .mutation(({ ctx, input }) => service.mergeThemes(ctx.db, { ...input, mergedBy: ctx.user.id })),

  undoMerge: editorProcedure
    .input(z.object({ mergeId: fields.id }))
    .mutation(({ ctx, input }) => service.undoMerge(ctx.db, { mergeId: input.mergeId, undoneBy: ctx.user.id })),

  split: editorProcedure
    .input(
      z.object({
        themeId: fields.id,
        evidenceIds: z.array(fields.id).min(1, 'Select the evidence to move into the new theme').max(1000, 'Move at most 1,000 items at once'),
        title: themeTitleSchema,
        description: themeDescriptionSchema.default(''),
      }),
    )
    .mutation(({ ctx, input }) => service.splitTheme(ctx.db, { ...input, createdBy: ctx.user.id })),

  /** Suggested themes for untagged evidence (or for the given items) and proposed new themes. */
  suggestions: memberProcedure
    .input(z.object({ evidenceIds: z.array(fields.id).max(500, 'Ask about at most 500 items at once').optional() }))
    .query(({ ctx, input }) => suggestions.getThemeSuggestions(ctx.db, input)),

  /** "Fits theme X" beside free-text answers of a survey (keyed by response and question; anonymous). */
  suggestForSurveyAnswers: memberProcedure
    .input(
      z.object({
        surveyId: fields.id,
        answers: z.array(z.object({ responseId: fields.id, questionId: fields.id })).max(200, 'Ask about at most 200 answers at once'),
      }),
    )
    .query(({ ctx, input }) => suggestions.suggestForSurveyAnswers(ctx.db, input)),

  /** "Fits theme X" beside developers' requests that are not evidence yet. */
  suggestForRequests: memberProcedure
    .input(z.object({ requestIds: z.array(fields.id).max(200, 'Ask about at most 200 requests at once') }))
    .query(({ ctx, input }) => suggestions.suggestForRequests(ctx.db, input)),

  dismissFit: editorProcedure
    .input(z.object({ evidenceId: fields.id, themeId: fields.id }))
    .mutation(({ ctx, input }) => suggestions.dismissFit(ctx.db, { ...input, dismissedBy: ctx.user.id })),

  /** "Not this theme" beside a survey's free-text answer (the answer's key only; anonymous). */
  dismissAnswerFit: editorProcedure
    .input(z.object({ surveyId: fields.id, responseId: fields.id, questionId: fields.id, themeId: fields.id }))
    .mutation(({ ctx, input }) => suggestions.dismissAnswerFit(ctx.db, { ...input, dismissedBy: ctx.user.id })),

  /** "Not this theme" beside a developer's request. */
  dismissRequestFit: editorProcedure
    .input(z.object({ requestId: fields.id, themeId: fields.id }))
    .mutation(({ ctx, input }) => suggestions.dismissRequestFit(ctx.db, { ...input, dismissedBy: ctx.user.id })),

  dismissGroup: editorProcedure
    .input(
      z.object({
        term: z.string().trim().min(1, 'The group has no words').max(200),
        evidenceIds: z.array(fields.id).min(1, 'The group has no items').max(20_000),
      }),
    )
    .mutation(({ ctx, input }) => suggestions.dismissGroup(ctx.db, { ...input, dismissedBy: ctx.user.id })),
});
