// Procedures for shadowing sessions and their friction events.
import { z } from 'zod';
import { minutesLostSchema } from '@/server/evidence/rules';
import * as fields from '@/server/fields';
import { createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as queries from './queries';
import { durationMinutesSchema, eventNoteSchema, focusSchema, FRICTION_KINDS, offsetSchema, SCENARIOS, sessionNotesSchema } from './rules';
import * as service from './service';

const scenario = z.enum(SCENARIOS as ['onboarding-service'], {
  message: 'Choose a scenario: onboarding a new service, debugging an incident, first CI/CD setup or other',
}) as z.ZodType<(typeof SCENARIOS)[number]>;
const kind = z.enum(FRICTION_KINDS as ['tab-switch'], { message: `Choose a kind of friction: ${FRICTION_KINDS.join(', ')}` }) as z.ZodType<
  (typeof FRICTION_KINDS)[number]
>;

const eventFields = {
  offsetSeconds: offsetSchema,
  kind,
  note: eventNoteSchema.default(''),
  minutesLost: minutesLostSchema.nullish().transform((value) => value ?? null),
};

export const shadowingRouter = createRouter({
  list: memberProcedure
    .input(
      z.object({
        participantId: fields.id.optional(),
        scenario: scenario.optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => queries.listSessions(ctx.db, input)),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getSession(ctx.db, input)),

  create: editorProcedure
    .input(
      z.object({
        participantId: z.uuid({ message: 'Pick the developer you are shadowing' }),
        scenario,
        focus: focusSchema.default(''),
        startNow: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => service.createSession(ctx.db, { ...input, observerId: ctx.user.id })),

  update: editorProcedure
    .input(
      z.object({
        id: fields.id,
        participantId: z.uuid({ message: 'Pick the developer you are shadowing' }),
        scenario,
        focus: focusSchema,
        durationMinutes: durationMinutesSchema.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => service.updateSession(ctx.db, input)),

  start: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.startSession(ctx.db, input)),

  end: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.endSession(ctx.db, input)),

  saveNotes: editorProcedure
    .input(z.object({ id: fields.id, base: z.string().max(200_000), value: sessionNotesSchema }))
    .mutation(({ ctx, input }) => service.saveSessionNotes(ctx.db, input)),

  delete: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteSession(ctx.db, input)),

  addEvent: editorProcedure
    .input(z.object({ id: fields.id, sessionId: fields.id, ...eventFields }))
    .mutation(({ ctx, input }) => service.addEvent(ctx.db, input)),

  updateEvent: editorProcedure
    .input(z.object({ id: fields.id, ...eventFields }))
    .mutation(({ ctx, input }) => service.updateEvent(ctx.db, input)),

  deleteEvent: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteEvent(ctx.db, input)),
});
