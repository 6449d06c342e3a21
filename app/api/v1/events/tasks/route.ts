// POST /api/v1/events/tasks: one platform task event or a batch ({ "events": [...] }, at most
// 100,000), each with selfService true (done without a person) or false (waited for manual
// approval); idempotent on eventId. All events are stored or none; errors list each event's index.
import { ingestTaskBatch } from '@/server/metrics/service';
import { json, parseJsonBody, restHandler } from '@/server/rest';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

export const POST = restHandler({ auth: 'token' }, async ({ db, req }) => {
  const body = await parseJsonBody(req, z.unknown(), { maxBytes: 64 * 1024 * 1024 });
  return json(await ingestTaskBatch(db, { body }));
});
