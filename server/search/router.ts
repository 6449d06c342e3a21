// The search procedure: one box over everything heard from developers.
import { z } from 'zod';
import { createRouter, memberProcedure } from '@/server/trpc';
import { MAX_JUMP, MAX_SEARCH, SEARCH_GROUPS } from './search-text';
import * as service from './service';

export const searchRouter = createRouter({
  query: memberProcedure
    .input(
      z.object({
        text: z.string({ message: 'Type the words to search for' }).max(MAX_SEARCH, `Keep the search under ${MAX_SEARCH.toLocaleString('en-US')} characters`),
        groups: z.array(z.enum(SEARCH_GROUPS)).max(SEARCH_GROUPS.length).optional(),
        limit: z.number().int().min(1).max(50).default(20),
        offset: z.number().int().min(0).max(10_000).default(0),
      }),
    )
    .query(({ ctx, input }) => service.search(ctx.db, input)),

  /** The command palette: themes, developers, interviews and tickets whose name or key holds the words typed. */
  jump: memberProcedure
    .input(
      z.object({
        text: z.string({ message: 'Type a name, a key or a few words' }).max(MAX_JUMP, `Keep it under ${MAX_JUMP} characters`),
        limit: z.number().int().min(1).max(10).default(5),
      }),
    )
    .query(({ ctx, input }) => service.jump(ctx.db, input)),
});
