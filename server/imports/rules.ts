// What an upload may be, shared by the Imports page and the server: the size limits and the shape
// of a column mapping (sent with an upload, saved by name). Pure: no database or framework import.
import { z } from 'zod';
import { TICKET_FIELDS, type TicketField } from './ticket-formats';

/**
 * An upload is streamed and its memory does not grow with its size (bench/import-tickets.ts
 * measures it up to 300,000 Jira rows, 320 MB), so the limit only bounds how long one import's
 * transaction runs: a few minutes for the largest file.
 */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = '512 MB';
export const MAX_POSTMORTEM_FILE_BYTES = 2 * 1024 * 1024;

/** Which column of the file feeds each ticket field (null or absent: none). */
export const mappingColumnsSchema = z.object(
  Object.fromEntries(TICKET_FIELDS.map((field) => [field, z.string().max(500).nullish()])) as Record<TicketField, z.ZodOptional<z.ZodNullable<z.ZodString>>>,
);

/** A mapping as an upload sends it and as ticket_mappings keeps it. */
export const mappingSchema = z.object({ columns: mappingColumnsSchema, isMonthFirst: z.boolean().optional() });
export type SavedMapping = z.infer<typeof mappingSchema>;
