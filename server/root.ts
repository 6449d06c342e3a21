// The app router: every domain's router under its name. The authorization test walks this
// router, so a procedure added here is checked for its role without anyone listing it.
import { z } from 'zod';
import { apiTokensRouter } from './api-tokens/router';
import { authRouter, membersRouter } from './auth/router';
import { evidenceRouter } from './evidence-intake/router';
import { importsRouter } from './imports/router';
import { inventoryRouter, sharedInventoryRouter } from './inventory/router';
import { metricsRouter } from './metrics/router';
import { participantsRouter, teamsRouter } from './participants/router';
import { postmortemsRouter } from './postmortems/router';
import { ratingsRouter } from './ratings/router';
import { surveysRouter } from './surveys/router';
import { requestEmailsRouter } from './request-emails/router';
import { requestsRouter } from './requests/router';
import { roadmapRouter } from './roadmap/router';
import { themesRouter } from './themes/router';
import { ticketsRouter } from './tickets/router';
import { createCallerFactory, createRouter, publicProcedure } from './trpc';
import { webhooksRouter } from './webhooks/router';
import { interviewsRouter } from './interviews/router';
import { shadowingRouter } from './shadowing/router';
import { searchRouter } from './search/router';
import { coverageRouter } from './coverage/router';
import { demoRouter } from './demo/router';
import { homeRouter } from './home/router';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export const appRouter = createRouter({
  health: publicProcedure.output(z.object({ ok: z.literal(true) })).query(() => ({ ok: true as const })),
  auth: authRouter,
  members: membersRouter,
  participants: participantsRouter,
  teams: teamsRouter,
  evidence: evidenceRouter,
  themes: themesRouter,
  apiTokens: apiTokensRouter,
  imports: importsRouter,
  tickets: ticketsRouter,
  postmortems: postmortemsRouter,
  surveys: surveysRouter,
  ratings: ratingsRouter,
  inventory: inventoryRouter,
  sharedInventory: sharedInventoryRouter,
  roadmap: roadmapRouter,
  requests: requestsRouter,
  requestEmails: requestEmailsRouter,
  webhooks: webhooksRouter,
  interviews: interviewsRouter,
  shadowing: shadowingRouter,
  search: searchRouter,
  coverage: coverageRouter,
  demo: demoRouter,
  metrics: metricsRouter,
  home: homeRouter,
});

export type AppRouter = typeof appRouter;
/** What each procedure returns and takes, for pages and components: declared here once. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
