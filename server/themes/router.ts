// Procedures for pain themes.
import { z } from 'zod';
import { createRouter, editorProcedure, memberProcedure } from '../trpc';
import * as queries from './queries';
import { themeDescriptionSchema, themeTitleSchema } from './rules';
import * as service from './service';

export const themesRouter = createRouter({
  options: memberProcedure.query(({ ctx }) => queries.listThemeOptions(ctx.db)),

  create: editorProcedure
    .input(z.object({ title: themeTitleSchema, description: themeDescriptionSchema.optional() }))
    .mutation(({ ctx, input }) => service.createTheme(ctx.db, { ...input, createdBy: ctx.user.id })),
});
