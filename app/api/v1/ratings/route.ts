// POST /api/v1/ratings {flow, score, comment?}: one in-flow rating, from the widget or a CLI.
// CORS only for the origins flows allow (server/ratings/rest.ts).
export { postRatingRoute as POST, preflightRatingRoute as OPTIONS } from '@/server/ratings/rest';

export const dynamic = 'force-dynamic';
