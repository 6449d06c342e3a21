// Closing the loop: developers who asked for something or voted for it with an email follow the
// request, and get one email when it is accepted, merged, declined or shipped. Emails are queued
// in the database in the same transaction as the decision (an outbox, one row per event, request
// and address), then sent through SMTP_URL by a worker in every app process, retried with
// backoff. Without SMTP_URL nothing is queued or sent. Unsubscribe links are signed and work once.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/errors';
import * as queries from './queries';
import {
  composeRequestEmail,
  describeSmtpUrl,
  emailDedupeKey,
  hashOptOutEmail,
  nextEmailAttempt,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
  type EmailOutcome,
} from './rules';

export function isEmailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

const absolute = (path: string) => new URL(path, getEnv().PUBLIC_URL).toString();

/** Records that this address follows the request (its submitter, or a voter who left an email). */
export async function followRequest(db: Db, input: { requestId: string; email: string | null }) {
  if (!input.email) return;
  await queries.addFollower(db, { requestId: input.requestId, email: input.email });
}

/** A merged request's followers follow the one it joined from now on. */
export async function carryFollowers(db: Db, input: { fromId: string; toId: string }) {
  await queries.copyFollowers(db, input);
}

/**
 * Queues the email about an outcome for every follower of these requests, once per address and
 * event (`scope` names what the event is about: the request, or the item that shipped). Call
 * inside the decision's transaction.
 */
export async function queueOutcomeEmails(
  db: Db,
  input: { requests: { id: string; title: string }[]; outcome: EmailOutcome; scope?: string },
  now = new Date(),
): Promise<number> {
  if (!isEmailConfigured() || input.requests.length === 0) return 0;
  const [followers, secret] = await Promise.all([queries.listFollowers(db, { requestIds: input.requests.map((request) => request.id) }), queries.signingKey(db)]);
  const optedOut = await queries.listOptedOut(db, { hashes: followers.map((follower) => hashOptOutEmail(secret, follower.email)) });
  const titleOf = new Map(input.requests.map((request) => [request.id, request.title]));
  const seen = new Set<string>();
  const rows = followers.flatMap((follower) => {
    const key = emailDedupeKey({ event: input.outcome.event, requestId: input.scope ?? follower.request_id, email: follower.email });
    if (seen.has(key) || optedOut.has(hashOptOutEmail(secret, follower.email))) return [];
    seen.add(key);
    const id = randomUUID();
    const { subject, body } = composeRequestEmail({
      request: { title: titleOf.get(follower.request_id) ?? '', url: absolute(`/roadmap/requests/${follower.request_id}`) },
      outcome: input.outcome,
      unsubscribeUrl: absolute(`/roadmap/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(secret, id))}`),
    });
    return [{ id, request_id: follower.request_id, event: input.outcome.event, to_email: follower.email, subject, body, dedupe_key: key, next_attempt_at: now }];
  });
  return queries.insertEmails(db, { rows });
}

/** "Shipped" for the requests that became these items, one email per address and item. */
export async function queueShippedEmails(db: Db, input: { items: { id: string; title: string }[] }, now = new Date()) {
  if (!isEmailConfigured() || input.items.length === 0) return 0;
  const requests = await queries.listRequestsOfItems(db, { itemIds: input.items.map((item) => item.id) });
  let queued = 0;
  for (const item of input.items) {
    queued += await queueOutcomeEmails(
      db,
      {
        requests: requests.filter((request) => request.item_id === item.id),
        outcome: { event: 'shipped', item: { title: item.title, url: absolute(`/roadmap/items/${item.id}`) } },
        scope: `item:${item.id}`,
      },
      now,
    );
  }
  return queued;
}

// ---- Sending -----------------------------------------------------------------------------------

export interface MailTransport {
  sendMail: (message: { from: string; to: string; subject: string; text: string; headers: Record<string, string> }) => Promise<unknown>;
}

let transport: { url: string; value: MailTransport } | null = null;

function smtpTransport(): MailTransport | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  if (transport?.url !== url) transport = { url, value: nodemailer.createTransport(url) };
  return transport.value;
}

function fromAddress(): string {
  return `Platform roadmap <no-reply@${new URL(getEnv().PUBLIC_URL).hostname}>`;
}

/** Sends every due email once; a failure is retried later with backoff, then recorded as failed. */
export async function dispatchDueEmails(db: Db, options: { now?: Date; limit?: number } = {}): Promise<{ sent: number; retrying: number; failed: number; skipped: number }> {
  const mailer = smtpTransport();
  const outcome = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  if (!mailer) return outcome;
  const now = options.now ?? new Date();
  const claimed = await queries.claimDueEmails(db, { now, limit: options.limit ?? 20, lockSeconds: 120 });
  if (claimed.length === 0) return outcome;
  const secret = await queries.signingKey(db);
  const optedOut = await queries.listOptedOut(db, { hashes: claimed.map((email) => hashOptOutEmail(secret, email.to_email)) });
  for (const email of claimed) {
    const attempts = email.attempts + 1;
    if (optedOut.has(hashOptOutEmail(secret, email.to_email))) {
      await queries.recordEmailAttempt(db, { id: email.id, status: 'skipped', attempts: email.attempts, at: now, nextAttemptAt: null, error: 'Unsubscribed.' });
      outcome.skipped += 1;
      continue;
    }
    const unsubscribeUrl = absolute(`/roadmap/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(secret, email.id))}`);
    try {
      await mailer.sendMail({ from: fromAddress(), to: email.to_email, subject: email.subject, text: email.body, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` } });
      await queries.recordEmailAttempt(db, { id: email.id, status: 'sent', attempts, at: now, nextAttemptAt: null, error: null });
      outcome.sent += 1;
    } catch (error) {
      const next = nextEmailAttempt(attempts, now);
      const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await queries.recordEmailAttempt(db, { id: email.id, status: next ? 'pending' : 'failed', attempts, at: now, nextAttemptAt: next, error: message });
      outcome[next ? 'retrying' : 'failed'] += 1;
    }
  }
  return outcome;
}

const globalForWorker = globalThis as unknown as { frictionlogEmailWorker?: NodeJS.Timeout };

/** Runs dispatchDueEmails every few seconds in this process when SMTP is configured; a no-op otherwise or when running. */
export function startEmailWorker(getDb: () => Promise<Db>, intervalMs = 3000): void {
  if (globalForWorker.frictionlogEmailWorker || !isEmailConfigured()) return;
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    getDb()
      .then((db) => dispatchDueEmails(db))
      .catch((error) => console.error('Frictionlog: request emails could not be sent', error))
      .finally(() => {
        isRunning = false;
      });
  }, intervalMs);
  timer.unref();
  globalForWorker.frictionlogEmailWorker = timer;
}

// ---- Unsubscribing -------------------------------------------------------------------------------

const FORGED = 'This unsubscribe link is not valid: it may have been cut short or changed. Open the link from the email again.';

async function linkedEmail(db: Db, token: string) {
  const id = verifyUnsubscribeToken(await queries.signingKey(db), token);
  const email = id ? await queries.getEmailForUnsubscribe(db, { id }) : undefined;
  if (!email) throw new AppError('BAD_REQUEST', FORGED, { field: 'token' });
  return email;
}

function usedMessage(at: Date) {
  return `This unsubscribe link was already used on ${at.toISOString().slice(0, 10)}: no roadmap email goes to this address any more.`;
}

/** What the unsubscribe page shows before the developer confirms. */
export async function checkUnsubscribeLink(db: Db, input: { token: string }) {
  const email = await linkedEmail(db, input.token);
  if (email.unsubscribed_at) throw new AppError('CONFLICT', usedMessage(email.unsubscribed_at), { field: 'token' });
  return { isValid: true };
}

/** Stops every roadmap email to the address of the email the link came in. Works once per link. */
export async function unsubscribe(db: Db, input: { token: string }, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const email = await linkedEmail(trx, input.token);
    if (email.unsubscribed_at) throw new AppError('CONFLICT', usedMessage(email.unsubscribed_at), { field: 'token' });
    const secret = await queries.signingKey(trx);
    const isDone = await queries.markUnsubscribed(trx, { id: email.id, emailAddress: email.to_email, emailHash: hashOptOutEmail(secret, email.to_email), now });
    if (!isDone) throw new AppError('CONFLICT', usedMessage(now), { field: 'token' });
  });
  return { ok: true as const };
}

/** The workspace settings: is email on, through which server, and how the outbox stands. */
export async function getEmailSettings(db: Db) {
  const url = getEnv().SMTP_URL;
  const counts = await queries.countEmailsByStatus(db);
  return {
    isConfigured: Boolean(url),
    server: url ? describeSmtpUrl(url) : null,
    pending: counts.pending ?? 0,
    sent: counts.sent ?? 0,
    failed: counts.failed ?? 0,
  };
}
