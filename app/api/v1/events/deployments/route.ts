// POST /api/v1/events/deployments: one deployment event or a batch ({ "events": [...] }, at most
// 100,000), idempotent on eventId. All events are stored or none (server/metrics/rest.ts).
export { postDeploymentsRoute as POST } from '@/server/metrics/rest';

export const dynamic = 'force-dynamic';
