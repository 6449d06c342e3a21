// POST /api/v1/events/tasks: one platform task event or a batch ({ "events": [...] }, at most
// 100,000), each with selfService true or false; idempotent on eventId (server/metrics/rest.ts).
export { postTasksRoute as POST } from '@/server/metrics/rest';

export const dynamic = 'force-dynamic';
