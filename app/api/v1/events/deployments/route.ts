// POST /api/v1/events/deployments: one deployment event or a batch ({ "events": [...] }, at most
// 100,000), idempotent on eventId. All events are stored or none; errors list each event's index.
import { ingestDeploymentBatch } from '@/server/metrics/service';
import { json, parseJsonBody, restHandler } from '@/server/rest';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

export const POST = restHandler({ auth: 'token' }, async ({ db, req }) => {
  const body = await parseJsonBody(req, z.unknown(), { maxBytes: 64 * 1024 * 1024 });
  return json(await ingestDeploymentBatch(db, { body }));
});
