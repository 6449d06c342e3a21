// Procedures for roadmap requests: public submission, duplicate suggestions and request pages
// (own output schemas), and the triage inbox for editors.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { publicBoardsSchema, publicRequestSchema, similarSchema, submittedRequestSchema } from '@/server/roadmap/public-schemas';
import { itemDescriptionSchema, itemTitleSchema } from '@/server/roadmap/rules';
import { listBoards } from '@/server/roadmap/service-board-requests';
import { withVoterToken } from '@/server/roadmap/service-voter-cookie';
import { createRouter, editorProcedure, memberProcedure, publicProcedure } from '@/server/trpc';
import { boardDescriptionSchema, boardNameSchema, declineReasonSchema, honeypotSchema, requestDetailsSchema, requestTitleSchema, similarQuerySchema, SUBMIT_LIMIT } from './rules';
import * as service from './service';

export const requestsRouter = createRouter({
  submit: publicProcedure
    .meta({ access: 'public', rateLimit: SUBMIT_LIMIT })
    .input(
      z.object({
        title: requestTitleSchema,
        details: requestDetailsSchema.default(''),
        email: fields.optionalEmail,
        /** The board (category) the developer picked, if any. */
        boardId: fields.id.nullish(),
        /** The honeypot, named like a field bots love to fill. */
        website: honeypotSchema,
      }),
    )
    .output(submittedRequestSchema)
    .mutation(({ ctx, input }) =>
      withVoterToken(ctx, (voterToken) =>
        service.submitRequest(ctx.db, {
          title: input.title,
          details: input.details,
          email: input.email,
          boardId: input.boardId ?? null,
          honeypot: input.website,
          voterToken,
        }),
      ),
    ),

  similar: publicProcedure
    .input(z.object({ title: similarQuerySchema }))
    .output(similarSchema)
    .query(({ ctx, input }) => service.findSimilar(ctx.db, input)),

  boards: publicProcedure.output(publicBoardsSchema).query(({ ctx }) => listBoards(ctx.db)),

  createBoard: editorProcedure
    .input(z.object({ name: boardNameSchema, description: boardDescriptionSchema.default('') }))
    .mutation(({ ctx, input }) => service.createBoard(ctx.db, input)),

  deleteBoard: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteBoard(ctx.db, input)),

  publicGet: publicProcedure
    .input(z.object({ id: fields.id }))
    .output(publicRequestSchema)
    .query(({ ctx, input }) => service.getPublicRequest(ctx.db, input)),

  // ---- The triage inbox ----

  list: memberProcedure
    .input(
      z.object({
        filter: z.enum(['untriaged', 'open', 'merged', 'accepted', 'declined', 'evidence', 'all']).default('untriaged'),
        search: z.string().trim().max(200).optional(),
        /** One request, whatever the filter: the link back from evidence. */
        id: fields.id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => service.listRequests(ctx.db, input)),

  suggestItems: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.suggestItemsFor(ctx.db, input)),

  merge: editorProcedure
    .input(z.object({ id: fields.id, itemId: fields.id }))
    .mutation(({ ctx, input }) => service.mergeRequest(ctx.db, { ...input, triagedBy: ctx.user.id })),

  mergeIntoRequest: editorProcedure
    .input(z.object({ id: fields.id, intoId: fields.id }))
    .mutation(({ ctx, input }) => service.mergeRequestIntoRequest(ctx.db, { ...input, triagedBy: ctx.user.id })),

  accept: editorProcedure
    .input(z.object({ id: fields.id, title: itemTitleSchema, description: itemDescriptionSchema.default(''), isPublic: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => service.acceptRequest(ctx.db, { ...input, triagedBy: ctx.user.id })),

  decline: editorProcedure
    .input(z.object({ id: fields.id, reason: declineReasonSchema }))
    .mutation(({ ctx, input }) => service.declineRequest(ctx.db, { ...input, triagedBy: ctx.user.id })),
});
