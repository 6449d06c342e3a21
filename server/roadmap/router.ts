// Procedures for the roadmap: the editor (members read, editors change and publish) and the
// public side (board, item pages, votes), whose outputs have their own schemas.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { createRouter, editorProcedure, memberProcedure, publicProcedure } from '@/server/trpc';
import {
  myVotesSchema,
  publicBoardSchema,
  publicItemSchema,
  voteCountSchema,
} from './public-schemas';
import { internalNoteSchema, itemDescriptionSchema, itemTitleSchema, laneSchema, MAX_LINKED_THEMES, quarterSchema, VOTE_LIMIT } from './rules';
import * as service from './service';
import * as publicService from './service-public';
import * as votes from './service-votes';
import { markFreshBoard, readVoterToken, withVoterToken } from './service-voter-cookie';
import { castVoteAndFollow } from './service-vote-follow';

const itemFields = {
  title: itemTitleSchema,
  description: itemDescriptionSchema.default(''),
  internalNote: internalNoteSchema.default(''),
  lane: laneSchema,
  targetQuarter: quarterSchema.nullable().default(null),
  isPublic: z.boolean().default(false),
  themeIds: z.array(fields.id).max(MAX_LINKED_THEMES, `Link at most ${MAX_LINKED_THEMES} pain themes`).default([]),
};

const voteTarget = z.object({
  kind: z.enum(['item', 'request'], { message: 'Vote for an item or a request' }),
  id: fields.id,
});

export const roadmapRouter = createRouter({
  board: memberProcedure.query(({ ctx }) => service.getEditorBoard(ctx.db)),

  history: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getItemHistory(ctx.db, input)),

  create: editorProcedure
    .input(z.object(itemFields))
    .mutation(({ ctx, input }) => service.createItem(ctx.db, { ...input, createdBy: ctx.user.id })),

  update: editorProcedure.input(z.object({ id: fields.id, ...itemFields })).mutation(({ ctx, input }) => service.updateItem(ctx.db, input)),

  move: editorProcedure
    .input(z.object({ id: fields.id, lane: laneSchema, index: z.number().int('Give a whole position').min(0, 'The position starts at 0').max(100_000) }))
    .mutation(({ ctx, input }) => service.moveItem(ctx.db, input)),

  delete: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteItem(ctx.db, input)),

  publish: editorProcedure.mutation(({ ctx }) => service.publishRoadmap(ctx.db, { publishedBy: ctx.user.id })),

  // ---- Public: no sign-in, own output schemas ----

  publicBoard: publicProcedure.output(publicBoardSchema).query(({ ctx }) => publicService.getPublicBoard(ctx.db)),

  publicItem: publicProcedure
    .input(z.object({ id: fields.id }))
    .output(publicItemSchema)
    .query(({ ctx, input }) => publicService.getPublicItem(ctx.db, input)),

  vote: publicProcedure
    .meta({ access: 'public', rateLimit: VOTE_LIMIT })
    .input(z.object({ target: voteTarget, email: fields.optionalEmail }))
    .output(voteCountSchema)
    .mutation(async ({ ctx, input }) =>
      markFreshBoard(ctx, await withVoterToken(ctx, (voterToken) => castVoteAndFollow(ctx.db, { target: input.target, email: input.email, voterToken }))),
    ),

  unvote: publicProcedure
    .meta({ access: 'public', rateLimit: VOTE_LIMIT })
    .input(z.object({ target: voteTarget }))
    .output(voteCountSchema)
    .mutation(async ({ ctx, input }) => markFreshBoard(ctx, await votes.removeVote(ctx.db, { target: input.target, voterToken: await readVoterToken(ctx) }))),

  myVotes: publicProcedure
    .input(z.object({ itemIds: z.array(fields.id).max(500).default([]), requestIds: z.array(fields.id).max(500).default([]) }))
    .output(myVotesSchema)
    .query(async ({ ctx, input }) => votes.listMyVotes(ctx.db, { ...input, voterToken: await readVoterToken(ctx) })),
});
