// REST of delivery events for CI jobs and platform tooling (API token): POST
// /api/v1/events/deployments, /services and /tasks. One event or { "events": [...] }, idempotent
// on eventId; all events are stored or none, and errors list each event's index (service.ts).
import { z } from 'zod';
import { json, parseJsonBody, restHandler, type RestContext } from '@/server/rest';
import { ingestDeploymentBatch, ingestServiceBatch, ingestTaskBatch } from './service';

const MB = 1024 * 1024;

/** Deployments, at most 100,000 a batch. */
export async function postDeployments(ctx: RestContext): Promise<Response> {
  const body = await parseJsonBody(ctx.req, z.unknown(), { maxBytes: 64 * MB });
  return json(await ingestDeploymentBatch(ctx.db, { body }));
}

/** A service was created (its repository), so time to first deploy can be measured. */
export async function postServices(ctx: RestContext): Promise<Response> {
  const body = await parseJsonBody(ctx.req, z.unknown(), { maxBytes: 16 * MB });
  return json(await ingestServiceBatch(ctx.db, { body }));
}

/** Platform tasks, at most 100,000 a batch, each selfService true (no person) or false (waited for approval). */
export async function postTasks(ctx: RestContext): Promise<Response> {
  const body = await parseJsonBody(ctx.req, z.unknown(), { maxBytes: 64 * MB });
  return json(await ingestTaskBatch(ctx.db, { body }));
}

export const postDeploymentsRoute = restHandler({ auth: 'token' }, postDeployments);
export const postServicesRoute = restHandler({ auth: 'token' }, postServices);
export const postTasksRoute = restHandler({ auth: 'token' }, postTasks);
