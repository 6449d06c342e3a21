// POST /api/v1/events/services: a service was created (its repository), so time to first deploy
// can be measured. One event or { "events": [...] }, idempotent on eventId (server/metrics/rest.ts).
export { postServicesRoute as POST } from '@/server/metrics/rest';

export const dynamic = 'force-dynamic';
