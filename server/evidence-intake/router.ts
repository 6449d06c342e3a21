// Procedures for evidence: save from any source, list with filters, tag into themes, edit cost.
import { z } from 'zod';
import * as fields from '@/server/fields';
import * as queries from '@/server/evidence/queries';
import { evidenceKindSchema, excerptSchema, MAX_FILTER_TEXT, minutesLostSchema, occurrencesSchema, severitySchema, SOURCE_KINDS } from '@/server/evidence/rules';
import * as store from '@/server/evidence/service';
import { themeTitleSchema } from '@/server/themes/rules';
import * as tagging from '@/server/themes/service-tagging';
import { createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as service from './service';
import * as corrections from './service-corrections';

const sourceKind = z.enum(SOURCE_KINDS, { message: `Choose a source: ${SOURCE_KINDS.join(', ')}` });
const isoDate = z.iso.date({ message: 'Use a date like 2026-03-31' });

const cost = {
  minutesLost: minutesLostSchema.nullish(),
  occurrencesPerMonth: occurrencesSchema.nullish(),
  severity: severitySchema.nullish(),
  kind: evidenceKindSchema.nullish(),
};

export const evidenceRouter = createRouter({
  list: memberProcedure
    .input(
      z.object({
        sourceKinds: z.array(sourceKind).max(SOURCE_KINDS.length).optional(),
        sourceId: fields.id.optional(),
        participantId: fields.id.optional(),
        teamId: fields.id.optional(),
        themeId: fields.id.optional(),
        isUntagged: z.boolean().optional(),
        text: z.string().trim().max(MAX_FILTER_TEXT, `Keep the words to find under ${MAX_FILTER_TEXT} characters`).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => queries.listEvidence(ctx.db, input)),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => queries.getEvidence(ctx.db, input).then((row) => row ?? null)),

  create: editorProcedure
    .input(
      z.object({
        sourceKind,
        sourceId: fields.id,
        anchor: z.string().max(200).nullish(),
        excerpt: excerptSchema,
        participantId: fields.id.nullish(),
        ...cost,
        themeIds: z.array(fields.id).max(20, 'Tag into at most 20 themes at once').optional(),
        newThemeTitle: themeTitleSchema.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => service.createEvidence(ctx.db, { ...input, createdBy: ctx.user.id })),

  tag: editorProcedure
    .input(
      z.object({
        evidenceIds: z.array(fields.id).min(1, 'Select at least one evidence item').max(1000, 'Tag at most 1,000 items at once'),
        themeIds: z.array(fields.id).max(20, 'Tag into at most 20 themes at once').default([]),
        newThemeTitle: themeTitleSchema.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => tagging.tagEvidence(ctx.db, { ...input, createdBy: ctx.user.id })),

  /** Removes a tag and returns it, so that the toast's Undo can put it back (restoreTag). */
  untag: editorProcedure
    .input(z.object({ evidenceId: fields.id, themeId: fields.id }))
    .mutation(({ ctx, input }) => store.untagEvidence(ctx.db, input)),

  restoreTag: editorProcedure
    .input(z.object({ evidenceId: fields.id, themeId: fields.id, createdAt: z.date({ message: 'When the tag was made, as a date' }) }))
    .mutation(({ ctx, input }) => corrections.restoreTag(ctx.db, input)),

  /** Corrects an item's excerpt, developer, kind and time cost; each change goes into its history. */
  correct: editorProcedure
    .input(
      z.object({
        id: fields.id,
        excerpt: excerptSchema,
        participantId: fields.id.nullable(),
        kind: evidenceKindSchema,
        minutesLost: minutesLostSchema.nullable(),
        occurrencesPerMonth: occurrencesSchema.nullable(),
        severity: severitySchema.nullable(),
      }),
    )
    .mutation(({ ctx, input }) => corrections.correctEvidence(ctx.db, { ...input, changedBy: ctx.user.id })),

  history: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => corrections.listEvidenceHistory(ctx.db, { evidenceId: input.id })),

  delete: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => store.deleteEvidence(ctx.db, input)),
});
