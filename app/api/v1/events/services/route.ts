// POST /api/v1/events/services: a service was created (its repository), so time to first deploy
// can be measured. One event or { "events": [...] }, idempotent on eventId.
import { ingestServiceBatch } from '@/server/metrics/service';
import { json, parseJsonBody, restHandler } from '@/server/rest';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

export const POST = restHandler({ auth: 'token' }, async ({ db, req }) => {
  const body = await parseJsonBody(req, z.unknown(), { maxBytes: 16 * 1024 * 1024 });
  return json(await ingestServiceBatch(db, { body }));
});
