// POST /api/v1/surveys/<slug>/responses: one anonymous survey response (server/surveys/rest.ts).
export { postSurveyResponseRoute as POST } from '@/server/surveys/rest';

export const dynamic = 'force-dynamic';
