// Outbound webhooks: admins point them at a chat channel or any HTTP receiver; new requests and
// lane changes become signed, Slack-compatible messages. Messages are queued in the database in
// the same transaction as the change (an outbox), then sent by a worker in every app process:
// a failing receiver is retried with backoff and logged, and never slows down or breaks the app.
// Receivers are checked when saved and again at every send (service-targets.ts); the log says
// "not delivered" for any network failure, so it never doubles as a port scanner.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as queries from './queries';
import { describeFailedAnswer, nextAttemptAfterFailure } from './rules';
import { assertAllowedTarget, checkWebhookTarget, isPrivateTargetAllowed, postPinned } from './service-targets';
import { newWebhookSecret, SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from './signature';
import { buildSlackMessage, summariseMessage, type WebhookMessage } from './slack-message';

const NOT_FOUND = 'This webhook no longer exists. Reload the page.';

export async function createWebhook(
  db: Db,
  input: { name: string; url: string; onNewRequest: boolean; onLaneChange: boolean; createdBy: string | null },
) {
  assertSomeEvent(input);
  await assertAllowedTarget(db, input.url);
  const secret = newWebhookSecret();
  const row = await queries.insertWebhook(db, { ...input, secret });
  return { id: row.id, name: row.name, secret };
}

function assertSomeEvent(input: { onNewRequest: boolean; onLaneChange: boolean }) {
  if (!input.onNewRequest && !input.onLaneChange) {
    throw new AppError('BAD_REQUEST', 'Choose at least one event: new requests or lane changes.', { field: 'onNewRequest' });
  }
}

export async function updateWebhook(
  db: Db,
  input: { id: string; name: string; url: string; onNewRequest: boolean; onLaneChange: boolean; isActive: boolean },
) {
  assertSomeEvent(input);
  await assertAllowedTarget(db, input.url);
  if (!(await queries.updateWebhook(db, input))) throw new AppError('NOT_FOUND', NOT_FOUND);
}

export async function rotateWebhookSecret(db: Db, input: { id: string }) {
  const secret = newWebhookSecret();
  if (!(await queries.setWebhookSecret(db, { id: input.id, secret }))) throw new AppError('NOT_FOUND', NOT_FOUND);
  return { secret };
}

export async function deleteWebhook(db: Db, input: { id: string }) {
  if (!(await queries.deleteWebhook(db, input))) throw new AppError('NOT_FOUND', NOT_FOUND);
}

function deliveryRow(webhookId: string, message: WebhookMessage, now: Date) {
  return {
    webhook_id: webhookId,
    event: message.event,
    summary: summariseMessage(message),
    payload: JSON.stringify(buildSlackMessage(message)),
    next_attempt_at: now,
  };
}

/** Queues the message for every active webhook subscribed to its event. Call inside the change's transaction. */
export async function enqueueWebhookMessage(db: Db, message: Exclude<WebhookMessage, { event: 'ping' }>, now = new Date()) {
  const subscribers = await queries.listSubscribers(db, { event: message.event });
  await queries.insertDeliveries(db, { rows: subscribers.map((webhook) => deliveryRow(webhook.id, message, now)) });
  return subscribers.length;
}

export async function sendTestMessage(db: Db, input: { id: string; by: string }, now = new Date()) {
  const webhook = await queries.findWebhook(db, { id: input.id });
  if (!webhook) throw new AppError('NOT_FOUND', NOT_FOUND);
  await queries.insertDeliveries(db, { rows: [deliveryRow(webhook.id, { event: 'ping', by: input.by }, now)] });
}

export async function retryDelivery(db: Db, input: { id: string }, now = new Date()) {
  if (!(await queries.requeueDelivery(db, { id: input.id, now }))) {
    throw new AppError('CONFLICT', 'Only a failed delivery can be sent again; this one is queued or delivered already.');
  }
}

export async function getWebhookSettings(db: Db) {
  return { allowPrivateTargets: await isPrivateTargetAllowed(db) };
}

export async function setAllowPrivateTargets(db: Db, input: { isAllowed: boolean }) {
  await queries.setAllowPrivateTargets(db, input);
}

export function listDeliveries(db: Db, input: { limit: number }) {
  return queries.listDeliveries(db, input);
}

// ---- Sending -----------------------------------------------------------------------------------

interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

export const NOT_DELIVERED = 'Not delivered: the receiver could not be reached.';

async function post(input: {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  body: string;
  now: Date;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<AttemptResult> {
  const timestamp = Math.floor(input.now.getTime() / 1000);
  // Checked again at every send: the name may resolve elsewhere now, or the setting changed.
  const check = await checkWebhookTarget(input.url, input.allowPrivate);
  if (!check.ok) return { statusCode: null, error: `Not delivered: ${check.reason.charAt(0).toLowerCase()}${check.reason.slice(1)}` };
  try {
    const answer = await postPinned(check.target, {
      timeoutMs: input.timeoutMs,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Frictionlog-Webhook/1',
        'x-frictionlog-event': input.event,
        'x-frictionlog-delivery': input.deliveryId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signPayload({ secret: input.secret, timestamp, body: input.body }),
      },
      body: input.body,
    });
    if (answer.status >= 200 && answer.status < 300) return { statusCode: answer.status, error: null };
    return { statusCode: answer.status, error: describeFailedAnswer(answer.status, answer.location) };
  } catch {
    // Refused, reset, timed out or unresolvable all read the same, so the log is no port scanner.
    return { statusCode: null, error: NOT_DELIVERED };
  }
}

/**
 * Sends every delivery that is due and records the outcome: delivered, retried later with
 * backoff, or failed for good after the last attempt. Never throws for a receiver's fault.
 */
export async function dispatchDueDeliveries(
  db: Db,
  options: { now?: Date; timeoutMs?: number; limit?: number } = {},
): Promise<{ delivered: number; retrying: number; failed: number }> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? 5000;
  const claimed = await queries.claimDueDeliveries(db, { now, limit: options.limit ?? 20, lockSeconds: Math.ceil(timeoutMs / 1000) + 30 });
  const allowPrivate = await isPrivateTargetAllowed(db);
  const targets = new Map((await queries.findWebhookTargets(db, { ids: [...new Set(claimed.map((row) => row.webhook_id))] })).map((w) => [w.id, w]));
  const outcome = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const target = targets.get(delivery.webhook_id);
      const attempts = delivery.attempts + 1;
      const result: AttemptResult = !target?.is_active
        ? { statusCode: null, error: 'The webhook is switched off.' }
        : await post({ url: target.url, secret: target.secret, deliveryId: delivery.id, event: delivery.event, body: delivery.payload, now, timeoutMs, allowPrivate });
      const isDelivered = result.error === null;
      const nextAttemptAt = isDelivered || !target?.is_active ? null : nextAttemptAfterFailure(attempts, now);
      const status = isDelivered ? 'delivered' : nextAttemptAt ? 'pending' : 'failed';
      await queries.recordAttempt(db, { id: delivery.id, status, attempts, at: now, nextAttemptAt, statusCode: result.statusCode, error: result.error });
      outcome[status === 'pending' ? 'retrying' : status] += 1;
    }),
  );
  return outcome;
}

const globalForWorker = globalThis as unknown as { frictionlogWebhookWorker?: NodeJS.Timeout };

/** Runs dispatchDueDeliveries every few seconds in this process; a no-op when already running. */
export function startWebhookWorker(getDb: () => Promise<Db>, intervalMs = 2000): void {
  if (globalForWorker.frictionlogWebhookWorker) return;
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    getDb()
      .then((db) => dispatchDueDeliveries(db))
      .catch((error) => console.error('Frictionlog: webhook deliveries could not be processed', error))
      .finally(() => {
        isRunning = false;
      });
  }, intervalMs);
  timer.unref();
  globalForWorker.frictionlogWebhookWorker = timer;
}
