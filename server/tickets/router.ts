// Procedures of the Tickets page: overview, list, one ticket, repeat questions, category rules
// and turning tickets into evidence.
import { z } from 'zod';
import { minutesLostSchema } from '@/server/evidence/rules';
import * as fields from '@/server/fields';
import { themeTitleSchema } from '@/server/themes/rules';
import { createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import { MAX_CATEGORY, MAX_PATTERN } from './categorize';
import * as queries from './queries';
import * as reads from './queries-read';
import * as service from './service';
import * as ticketTime from './service-ticket-time';

const isoDate = z.iso.date({ message: 'Use a date like 2026-03-31' });
const filter = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  category: z.string().trim().max(MAX_CATEGORY).optional(),
  search: z.string().trim().max(200).optional(),
};

export const ticketsRouter = createRouter({
  overview: memberProcedure.input(z.object(filter)).query(({ ctx, input }) => service.getTicketOverview(ctx.db, input)),

  categories: memberProcedure.query(({ ctx }) => reads.listTicketCategories(ctx.db)),

  list: memberProcedure
    .input(
      z.object({
        ...filter,
        ids: z.array(fields.id).max(1000).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => reads.listTickets(ctx.db, input)),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getTicket(ctx.db, input)),

  repeatQuestions: memberProcedure
    .input(
      z.object({
        ...filter,
        similarity: z.enum(['strict', 'normal', 'loose']).default('normal'),
        minAsked: z.number().int().min(2).max(1000).default(2),
        limit: z.number().int().min(1).max(200).default(30),
      }),
    )
    .query(({ ctx, input }) => service.listRepeatQuestions(ctx.db, input)),

  toEvidence: editorProcedure
    .input(
      z.object({
        ticketIds: z.array(fields.id).min(1, 'Select at least one ticket').max(1000, 'Turn at most 1,000 tickets into evidence at once'),
        themeIds: z.array(fields.id).max(20, 'Tag into at most 20 themes at once').default([]),
        newThemeTitle: themeTitleSchema.nullish(),
        minutesLost: minutesLostSchema.nullish(),
        timeChoice: z.enum(ticketTime.TICKET_TIME_CHOICES, { message: 'Choose no time, the category rule, minutes typed, or working hours of the wait' }).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      service.ticketsToEvidence(ctx.db, {
        ticketIds: input.ticketIds,
        themeIds: input.themeIds,
        newThemeTitle: input.newThemeTitle ?? null,
        minutesLost: input.minutesLost ?? null,
        timeChoice: input.timeChoice,
        createdBy: ctx.user.id,
      }),
    ),

  /** The wait as context and what each time option would give, for the cluster-to-evidence dialog. */
  timeOptions: memberProcedure
    .input(z.object({ ticketIds: z.array(fields.id).min(1, 'Select at least one ticket').max(1000, 'At most 1,000 tickets at once') }))
    .query(({ ctx, input }) => ticketTime.getTicketTimeOptions(ctx.db, input)),

  categoryCosts: memberProcedure.query(({ ctx }) => ticketTime.listCategoryCosts(ctx.db)),

  setCategoryCost: editorProcedure
    .input(
      z.object({
        category: z.string().trim().min(1, 'Choose the category').max(MAX_CATEGORY, `Keep the category under ${MAX_CATEGORY} characters`),
        minutesPerTicket: minutesLostSchema.int('Enter whole minutes per ticket'),
      }),
    )
    .mutation(({ ctx, input }) => ticketTime.setCategoryCost(ctx.db, { ...input, updatedBy: ctx.user.id })),

  removeCategoryCost: editorProcedure
    .input(z.object({ category: z.string().trim().min(1, 'Choose the category').max(MAX_CATEGORY) }))
    .mutation(({ ctx, input }) => ticketTime.removeCategoryCost(ctx.db, { ...input, updatedBy: ctx.user.id })),

  rules: memberProcedure.query(({ ctx }) => queries.listRules(ctx.db)),

  addRule: editorProcedure
    .input(
      z.object({
        matchOn: z.enum(['keyword', 'label'], { message: 'Match on a keyword or a label' }),
        pattern: z.string().trim().min(1, 'Enter the keyword or label to match').max(MAX_PATTERN, `Keep it under ${MAX_PATTERN} characters`),
        category: z.string().trim().min(1, 'Enter the category').max(MAX_CATEGORY, `Keep the category under ${MAX_CATEGORY} characters`),
      }),
    )
    .mutation(({ ctx, input }) => service.addRule(ctx.db, { ...input, createdBy: ctx.user.id })),

  removeRule: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.removeRule(ctx.db, input)),
});
