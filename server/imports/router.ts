// Procedures of imports: the preview before an upload, the history with its reports, rollback,
// and saved column mappings. The upload itself is a streaming route handler (rest.ts).
import { z } from 'zod';
import * as fields from '@/server/fields';
import { bodyBytesForText, createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import { previewImport, MAX_SAMPLE_CHARS } from './preview-import';
import * as queries from './queries';
import * as service from './service-batches';
import { isKnownTimeZone } from '@/server/lib/parse-dates';
import { mappingColumnsSchema } from './rules';
import { CSV_TICKET_FORMATS, IMPORT_FORMATS, TICKET_FORMATS } from './ticket-formats';

const columns = mappingColumnsSchema;

const timeZone = z.string().trim().max(64).refine(isKnownTimeZone, { message: 'Use a time zone name such as UTC, Europe/Berlin or America/New_York' });

const mappingName = z
  .string({ message: 'Name the mapping' })
  .trim()
  .min(1, 'Name the mapping, e.g. "Platform help desk"')
  .max(80, 'Keep the name under 80 characters');

export const importsRouter = createRouter({
  preview: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(MAX_SAMPLE_CHARS) })
    .input(
      z.object({
        fileName: z.string().trim().min(1).max(300),
        sample: z.string().max(MAX_SAMPLE_CHARS, 'Send at most the first megabyte of the file for the preview'),
        isTruncated: z.boolean(),
        format: z.enum(IMPORT_FORMATS).nullish(),
        mapping: columns.nullish(),
        isMonthFirst: z.boolean().optional(),
        timeZone: timeZone.optional(),
      }),
    )
    .mutation(({ input }) =>
      previewImport({
        ...input,
        format: input.format ?? null,
        mapping: input.mapping ?? null,
        mappingOptions: { isMonthFirst: input.isMonthFirst, timeZone: input.timeZone },
      }),
    ),

  /** The time zone the last import of a source read zone-less dates in (UTC when none). */
  timeZoneOf: memberProcedure
    .input(z.object({ format: z.enum(TICKET_FORMATS), sourceName: z.string().trim().max(80).nullish() }))
    .query(({ ctx, input }) => service.getSourceTimeZone(ctx.db, input)),

  history: memberProcedure
    .input(
      z.object({
        kind: z.enum(['tickets', 'postmortems']).optional(),
        limit: z.number().int().min(1).max(100).default(20),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => queries.listBatches(ctx.db, input)),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getBatchReport(ctx.db, input)),

  rollback: editorProcedure
    .input(z.object({ id: fields.id }))
    .mutation(({ ctx, input }) => service.rollbackBatch(ctx.db, { id: input.id, userId: ctx.user.id })),

  mappings: memberProcedure.query(({ ctx }) => queries.listMappings(ctx.db)),

  saveMapping: editorProcedure
    .input(z.object({ name: mappingName, format: z.enum(CSV_TICKET_FORMATS), columns, isMonthFirst: z.boolean().optional() }))
    .mutation(({ ctx, input }) =>
      queries.upsertMapping(ctx.db, {
        name: input.name,
        format: input.format,
        mapping: { columns: input.columns, isMonthFirst: input.isMonthFirst ?? false },
        createdBy: ctx.user.id,
      }),
    ),

  deleteMapping: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => queries.deleteMapping(ctx.db, input)),
});
