// GET /roadmap: the public board, one cached HTML document per question (server/roadmap/service-board-rest.ts).
import { restHandler } from '@/server/rest';
import { serveBoard } from '@/server/roadmap/service-board-rest';

export const dynamic = 'force-dynamic';

export const GET = restHandler({ auth: 'public' }, (ctx) => serveBoard(ctx.db, ctx.req));
