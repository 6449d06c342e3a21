// Closing the loop by email, against a local SMTP server this test starts (smtp-server): the
// submitter and voters who left an email get one email when their request is accepted, merged,
// declined or shipped; each is sent once, a failing server is retried, and the unsubscribe link
// works without sign-in, once, and a forged one is refused with nothing written.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { dispatchDueEmails } from '@/server/request-emails/service';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { startSmtpServer, unsubscribeLinkOf, type ReceivedMail } from '@/test/helpers/smtp';
import { rejection } from '@/test/helpers/errors';
import { visitor } from '@/test/helpers/visitor';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let inbox: ReceivedMail[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  inbox = smtp.inbox;
  vi.stubEnv('SMTP_URL', smtp.url);
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
});
afterAll(async () => {
  await handle?.close();
  await smtp?.close();
  vi.unstubAllEnvs();
});
afterEach(async () => {
  inbox.length = 0;
  await handle.db.deleteFrom('request_emails').execute();
  await handle.db.deleteFrom('email_optouts').execute();
  await handle.db.deleteFrom('roadmap_requests').execute();
  await handle.db.deleteFrom('roadmap_items').execute();
  await handle.db.deleteFrom('rate_limits').execute();
});

const send = () => dispatchDueEmails(handle.db);
const mailTo = (address: string) => inbox.filter((mail) => mail.to.includes(address));

async function request(title: string, email: string | null) {
  return (await visitor(handle).requests.submit({ title, email })).id;
}

describe('emails about a request’s outcome', () => {
  it('sends one email to the submitter and to voters who left an email when it is declined, and only once', async () => {
    const id = await request('A second cluster per team', 'asker@example.com');
    await visitor(handle).roadmap.vote({ target: { kind: 'request', id }, email: 'voter@example.com' });
    await visitor(handle).roadmap.vote({ target: { kind: 'request', id }, email: null });
    await editor.requests.decline({ id, reason: 'Namespaces cover it: see the isolation guide.' });

    expect(await send()).toEqual({ sent: 2, retrying: 0, failed: 0, skipped: 0 });
    expect(await send()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    expect(inbox.map((mail) => mail.to[0]).sort()).toEqual(['asker@example.com', 'voter@example.com']);
    const mail = mailTo('voter@example.com')[0];
    expect(mail.subject).toBe('Declined: A second cluster per team');
    expect(mail.text).toContain('Namespaces cover it: see the isolation guide.');
    expect(mail.text).toContain(`/roadmap/requests/${id}`);
    expect(mail.text).toMatch(/\/roadmap\/unsubscribe\?token=/);
  });

  it('follows a chain of merges: merged, then accepted, then shipped, each once per address', async () => {
    const a = await request('CI is slow', 'a@example.com');
    const b = await request('Faster CI pipelines', 'b@example.com');
    // The same developer follows both; they still get one email per event.
    await visitor(handle).roadmap.vote({ target: { kind: 'request', id: b }, email: 'a@example.com' });
    await editor.requests.mergeIntoRequest({ id: a, intoId: b });
    await send();
    expect(inbox.map((mail) => [mail.to[0], mail.subject])).toEqual([['a@example.com', 'Merged: CI is slow']]);
    expect(inbox[0].text).toContain('merged the request you follow into “Faster CI pipelines”');

    inbox.length = 0;
    const { itemId } = await editor.requests.accept({ id: b, title: 'CI caching', isPublic: true });
    await send();
    expect(inbox.map((mail) => [mail.to[0], mail.subject]).sort()).toEqual([
      ['a@example.com', 'Accepted: Faster CI pipelines'],
      ['b@example.com', 'Accepted: Faster CI pipelines'],
    ]);

    inbox.length = 0;
    const item = (await editor.roadmap.board()).items.find((row) => row.id === itemId)!;
    await editor.roadmap.update({ id: itemId, title: item.title, lane: 'shipped', isPublic: true });
    await editor.roadmap.publish();
    await editor.roadmap.publish();
    await send();
    expect(inbox.map((mail) => [mail.to[0], mail.subject]).sort()).toEqual([
      ['a@example.com', 'Shipped: Faster CI pipelines'],
      ['b@example.com', 'Shipped: Faster CI pipelines'],
    ]);
    expect(inbox[0].text).toContain(`/roadmap/items/${itemId}`);
  });

  it('retries when the mail server refuses, and gives up after the last attempt', async () => {
    const id = await request('Faster CI caches', 'bounce@example.com');
    await editor.requests.decline({ id, reason: 'Not now.' });
    expect(await send()).toEqual({ sent: 0, retrying: 1, failed: 0, skipped: 0 });
    const row = await handle.db.selectFrom('request_emails').select(['status', 'attempts', 'next_attempt_at', 'last_error']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 30_000);
    let now = Date.now();
    for (let i = 0; i < 5; i++) {
      now += 13 * 3_600_000;
      await dispatchDueEmails(handle.db, { now: new Date(now) });
    }
    expect(await handle.db.selectFrom('request_emails').select(['status', 'attempts']).executeTakeFirstOrThrow()).toEqual({ status: 'failed', attempts: 6 });
  });
});

describe('unsubscribing', () => {
  async function linkFor(address: string) {
    return new URL(unsubscribeLinkOf(mailTo(address)[0])).searchParams.get('token')!;
  }

  it('works without sign-in, once, and stops every later email to the address', async () => {
    const first = await request('CI is slow', 'leaving@example.com');
    const second = await request('Faster deploys', 'leaving@example.com');
    await editor.requests.decline({ id: first, reason: 'No.' });
    await send();
    const token = await linkFor('leaving@example.com');

    const stranger = visitor(handle);
    expect(await stranger.requestEmails.checkUnsubscribe({ token })).toEqual({ isValid: true });
    expect(await stranger.requestEmails.unsubscribe({ token })).toEqual({ ok: true });
    const reused = await rejection(stranger.requestEmails.unsubscribe({ token }));
    expect(reused.code).toBe('CONFLICT');
    expect(reused.message).toMatch(/^This unsubscribe link was already used on \d{4}-\d{2}-\d{2}: no roadmap email goes to this address any more\.$/);

    inbox.length = 0;
    await editor.requests.decline({ id: second, reason: 'No.' });
    await send();
    expect(inbox).toEqual([]);
  });

  it('refuses a forged or mangled link clearly, writing nothing', async () => {
    const id = await request('CI is slow', 'stay@example.com');
    await editor.requests.decline({ id, reason: 'No.' });
    await send();
    const token = await linkFor('stay@example.com');
    const [emailId, signature] = token.split('.');
    const forged = [
      `${emailId}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `00000000-0000-4000-8000-000000000000.${signature}`,
      'not-a-token',
    ];
    for (const bad of forged) {
      const error = await rejection(visitor(handle).requestEmails.unsubscribe({ token: bad }));
      expect([error.code, error.message]).toEqual([
        'BAD_REQUEST',
        'This unsubscribe link is not valid: it may have been cut short or changed. Open the link from the email again.',
      ]);
    }
    expect(await handle.db.selectFrom('email_optouts').select('email_hash').execute()).toEqual([]);
    expect((await handle.db.selectFrom('request_emails').select('unsubscribed_at').executeTakeFirstOrThrow()).unsubscribed_at).toBeNull();
  });

  it('shows members that email is on, through which server, without its password', async () => {
    const settings = await editor.requestEmails.settings();
    expect(settings).toMatchObject({ isConfigured: true, server: expect.stringMatching(/^smtp:\/\/127\.0\.0\.1:\d+$/) });
  });
});
