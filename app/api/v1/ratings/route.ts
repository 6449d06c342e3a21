// POST /api/v1/ratings {flow, score, comment?}: one in-flow rating, from the widget or a CLI.
// CORS only for the origins flows allow (server/ratings/service-rest.ts).
import { postRating, preflightRating } from '@/server/ratings/service-rest';
import { restHandler } from '@/server/rest';

export const dynamic = 'force-dynamic';

export const POST = restHandler({ auth: 'public' }, postRating);
export const OPTIONS = restHandler({ auth: 'public' }, preflightRating);
