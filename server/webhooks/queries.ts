// Kysely queries for outbound webhooks and their delivery log.
import { sql } from 'kysely';
import type { WebhookDeliveryStatus } from '@/db/types';
import type { Db } from '@/server/db';
import { claimDueRows } from '@/server/lib/queries-outbox';

export async function listWebhooks(db: Db) {
  return db
    .selectFrom('webhooks')
    .select([
      'id',
      'name',
      'url',
      'on_new_request as onNewRequest',
      'on_lane_change as onLaneChange',
      'is_active as isActive',
      'created_at as createdAt',
      sql<string>`left(secret, 12)`.as('secretPrefix'),
    ])
    .orderBy('created_at')
    .execute();
}

export async function insertWebhook(
  db: Db,
  input: { name: string; url: string; secret: string; onNewRequest: boolean; onLaneChange: boolean; createdBy: string | null },
) {
  return db
    .insertInto('webhooks')
    .values({
      name: input.name,
      url: input.url,
      secret: input.secret,
      on_new_request: input.onNewRequest,
      on_lane_change: input.onLaneChange,
      created_by: input.createdBy,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function updateWebhook(
  db: Db,
  input: { id: string; name: string; url: string; onNewRequest: boolean; onLaneChange: boolean; isActive: boolean },
) {
  return db
    .updateTable('webhooks')
    .set({
      name: input.name,
      url: input.url,
      on_new_request: input.onNewRequest,
      on_lane_change: input.onLaneChange,
      is_active: input.isActive,
      updated_at: new Date(),
    })
    .where('id', '=', input.id)
    .returning('id')
    .executeTakeFirst();
}

export async function setWebhookSecret(db: Db, input: { id: string; secret: string }) {
  return db.updateTable('webhooks').set({ secret: input.secret, updated_at: new Date() }).where('id', '=', input.id).returning('id').executeTakeFirst();
}

export async function deleteWebhook(db: Db, input: { id: string }) {
  const result = await db.deleteFrom('webhooks').where('id', '=', input.id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findWebhook(db: Db, input: { id: string }) {
  return db.selectFrom('webhooks').select(['id', 'name', 'is_active']).where('id', '=', input.id).executeTakeFirst();
}

/** Active webhooks that asked for this kind of event. */
export async function listSubscribers(db: Db, input: { event: 'request.created' | 'item.lane_changed' }) {
  const column = input.event === 'request.created' ? 'on_new_request' : 'on_lane_change';
  return db.selectFrom('webhooks').select('id').where('is_active', '=', true).where(column, '=', true).execute();
}

export async function insertDeliveries(
  db: Db,
  input: { rows: { webhook_id: string; event: string; summary: string; payload: string; next_attempt_at: Date }[] },
) {
  if (input.rows.length === 0) return;
  await db.insertInto('webhook_deliveries').values(input.rows).execute();
}

/**
 * Claims up to `limit` deliveries that are due, for `lockSeconds`: another process skips them
 * (skip locked, then the lock time), so a delivery is never sent twice at once.
 */
export function claimDueDeliveries(db: Db, input: { now: Date; limit: number; lockSeconds: number }) {
  return claimDueRows(db, 'webhook_deliveries', ['id', 'webhook_id', 'event', 'payload', 'attempts'], input);
}

export async function findWebhookTargets(db: Db, input: { ids: string[] }) {
  if (input.ids.length === 0) return [];
  return db.selectFrom('webhooks').select(['id', 'url', 'secret', 'is_active']).where('id', 'in', input.ids).execute();
}

export async function recordAttempt(
  db: Db,
  input: {
    id: string;
    status: WebhookDeliveryStatus;
    attempts: number;
    at: Date;
    nextAttemptAt: Date | null;
    statusCode: number | null;
    error: string | null;
  },
) {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: input.status,
      attempts: input.attempts,
      last_attempt_at: input.at,
      next_attempt_at: input.nextAttemptAt,
      last_status_code: input.statusCode,
      last_error: input.error,
      delivered_at: input.status === 'delivered' ? input.at : null,
      locked_until: null,
    })
    .where('id', '=', input.id)
    .execute();
}

export async function listDeliveries(db: Db, input: { limit: number }) {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
    .select([
      'webhook_deliveries.id',
      'webhook_deliveries.webhook_id as webhookId',
      'webhooks.name as webhookName',
      'webhook_deliveries.event',
      'webhook_deliveries.summary',
      'webhook_deliveries.status',
      'webhook_deliveries.attempts',
      'webhook_deliveries.next_attempt_at as nextAttemptAt',
      'webhook_deliveries.last_attempt_at as lastAttemptAt',
      'webhook_deliveries.last_status_code as lastStatusCode',
      'webhook_deliveries.last_error as lastError',
      'webhook_deliveries.delivered_at as deliveredAt',
      'webhook_deliveries.created_at as createdAt',
    ])
    .orderBy('webhook_deliveries.created_at', 'desc')
    .limit(input.limit)
    .execute();
}

/** Puts a failed delivery back in the queue, due now. */
export async function requeueDelivery(db: Db, input: { id: string; now: Date }) {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: input.now, locked_until: null })
    .where('id', '=', input.id)
    .where('status', '=', 'failed')
    .returning('id')
    .executeTakeFirst();
}

// ---- Settings ----------------------------------------------------------------------------------

export async function getWebhookSettings(db: Db) {
  const row = await db.selectFrom('webhook_settings').select(['allow_private_targets']).executeTakeFirst();
  return { allow_private_targets: row?.allow_private_targets ?? false };
}

export async function setAllowPrivateTargets(db: Db, input: { isAllowed: boolean }) {
  await db
    .insertInto('webhook_settings')
    .values({ id: true, allow_private_targets: input.isAllowed })
    .onConflict((oc) => oc.column('id').doUpdateSet({ allow_private_targets: input.isAllowed, updated_at: new Date() }))
    .execute();
}
