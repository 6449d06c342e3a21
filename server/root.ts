// The app router: every domain's router under its name. The authorization test walks this
// router, so a procedure added here is checked for its role without anyone listing it.
import { z } from 'zod';
import { apiTokensRouter } from './api-tokens/router';
import { authRouter, membersRouter } from './auth/router';
import { evidenceRouter } from './evidence/router';
import { metricsRouter } from './metrics/router';
import { participantsRouter, teamsRouter } from './participants/router';
import { themesRouter } from './themes/router';
import { createCallerFactory, createRouter, publicProcedure } from './trpc';

export const appRouter = createRouter({
  health: publicProcedure.output(z.object({ ok: z.literal(true) })).query(() => ({ ok: true as const })),
  auth: authRouter,
  members: membersRouter,
  participants: participantsRouter,
  teams: teamsRouter,
  evidence: evidenceRouter,
  themes: themesRouter,
  apiTokens: apiTokensRouter,
  metrics: metricsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
