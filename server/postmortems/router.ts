// Procedures of the Post-mortems pages: list, detail and the infrastructure flag a person sets.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as queries from './queries';
import * as service from './service';

export const postmortemsRouter = createRouter({
  list: memberProcedure
    .input(
      z.object({
        search: z.string().trim().max(200).optional(),
        infrastructure: z.enum(['yes', 'no', 'suggested', 'unreviewed']).optional(),
        category: z.string().trim().max(120).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => queries.listPostmortems(ctx.db, input)),

  categories: memberProcedure.query(({ ctx }) => queries.listPostmortemCategories(ctx.db)),

  get: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.getPostmortem(ctx.db, input)),

  setInfrastructure: editorProcedure
    .input(z.object({ id: fields.id, isInfrastructure: z.boolean().nullable() }))
    .mutation(({ ctx, input }) => service.setInfrastructure(ctx.db, { ...input, userId: ctx.user.id })),
});
