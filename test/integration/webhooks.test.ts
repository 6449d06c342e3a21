// Outbound webhooks against a local HTTP receiver the test starts: Slack-compatible JSON, signed
// with the shared secret, retried with backoff, logged; a failing receiver never affects the app.
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { dispatchDueDeliveries } from '@/server/webhooks/service';
import { isValidSignature } from '@/server/webhooks/signature';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { freePort } from '@/test/helpers/net';
import { visitor } from '@/test/helpers/visitor';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let handle: DbHandle;
let admin: Awaited<ReturnType<typeof callerWithRole>>;
let receiver: http.Server;
let base: string;
const received: Received[] = [];
/** What the receiver answers next, per path; 200 when nothing is queued. */
const answers = new Map<string, number[]>();

beforeAll(async () => {
  handle = await createTestDb();
  admin = await callerWithRole(handle, 'admin');
  // The receiver runs on this machine: an admin allows private receivers (off by default).
  await admin.webhooks.setAllowPrivateTargets({ isAllowed: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/loop') {
        res.writeHead(302, { location: `${base}/loop` }).end();
        return;
      }
      if (req.url === '/silent') return; // never answers
      const status = answers.get(req.url ?? '')?.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await handle.close();
});
afterEach(async () => {
  received.length = 0;
  answers.clear();
  await handle.db.deleteFrom('webhooks').execute();
  await handle.db.deleteFrom('roadmap_requests').execute();
  await handle.db.deleteFrom('roadmap_items').execute();
  await handle.db.deleteFrom('rate_limits').execute();
});

const hook = (path: string, events: { onNewRequest?: boolean; onLaneChange?: boolean } = {}) =>
  admin.webhooks.create({ name: `Receiver ${path}`, url: `${base}${path}`, onNewRequest: events.onNewRequest ?? true, onLaneChange: events.onLaneChange ?? true });

const deliveries = () => admin.webhooks.deliveries();

describe('configuring webhooks', () => {
  it('shows the secret once, then only its first characters', async () => {
    const created = await hook('/ok');
    expect(created.secret).toMatch(/^whsec_[\w-]{32}$/);
    const [listed] = await admin.webhooks.list();
    expect(listed).toMatchObject({ name: 'Receiver /ok', secretPrefix: created.secret.slice(0, 12) });
    expect(JSON.stringify(await admin.webhooks.list())).not.toContain(created.secret);
    const rotated = await admin.webhooks.rotateSecret({ id: created.id });
    expect(rotated.secret).not.toBe(created.secret);
  });

  it.each(['ftp://files.example.com/hook', 'javascript:alert(1)', 'file:///etc/passwd', 'hooks.slack.com/services/x', ''])(
    'refuses the address %j and saves nothing',
    async (url) => {
      const error = await rejection(admin.webhooks.create({ name: 'Bad', url, onNewRequest: true, onLaneChange: false }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/^url: (Use an http:\/\/ or https:\/\/ address|Enter the address)/);
      expect(await admin.webhooks.list()).toEqual([]);
    },
  );

  it('refuses a webhook that listens to no event', async () => {
    const error = await rejection(admin.webhooks.create({ name: 'Deaf', url: `${base}/ok`, onNewRequest: false, onLaneChange: false }));
    expect(error.message).toBe('Choose at least one event: new requests or lane changes.');
  });

  it('lets only admins manage webhooks', async () => {
    const editor = await callerWithRole(handle, 'editor');
    expect((await rejection(editor.webhooks.list())).code).toBe('FORBIDDEN');
  });
});

describe('delivering', () => {
  it('posts a signed Slack message for a new request, without the submitter’s email', async () => {
    const { secret } = await hook('/ok', { onLaneChange: false });
    const { id } = await visitor(handle).requests.submit({ title: 'Faster <builds> & tests', details: 'They take 40 minutes.', email: 'private@example.com' });
    expect(await dispatchDueDeliveries(handle.db)).toEqual({ delivered: 1, retrying: 0, failed: 0 });

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.headers['content-type']).toBe('application/json');
    expect(message.headers['x-frictionlog-event']).toBe('request.created');
    const timestamp = Number(message.headers['x-frictionlog-timestamp']);
    const signature = String(message.headers['x-frictionlog-signature']);
    expect(isValidSignature({ secret, timestamp, body: message.body, signature, nowSeconds: Math.floor(Date.now() / 1000) })).toBe(true);
    expect(isValidSignature({ secret: 'whsec_wrong', timestamp, body: message.body, signature, nowSeconds: Math.floor(Date.now() / 1000) })).toBe(false);

    const body = JSON.parse(message.body);
    expect(body.text).toBe('New roadmap request: Faster &lt;builds&gt; &amp; tests');
    expect(body.blocks[0].text.text).toContain(`<http://localhost:3000/roadmap/requests/${id}|Faster &lt;builds&gt; &amp; tests>`);
    expect(message.body).not.toContain('private@example.com');
    expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, summary: 'New request: Faster <builds> & tests' });
  });

  it('posts lane changes when the roadmap is published', async () => {
    await hook('/ok', { onNewRequest: false });
    const editor = await callerWithRole(handle, 'editor');
    const item = await editor.roadmap.create({ title: 'Self-service DNS', lane: 'planned', isPublic: true });
    await editor.roadmap.publish();
    await editor.roadmap.move({ id: item.id, lane: 'in_progress', index: 0 });
    await editor.roadmap.publish();
    await visitor(handle).requests.submit({ title: 'Not sent: this webhook only wants lane changes' });
    await dispatchDueDeliveries(handle.db);
    const texts = received.map((message) => JSON.parse(message.body).text);
    expect(texts.sort()).toEqual(['One roadmap item changed lane: Self-service DNS → In progress', 'One roadmap item changed lane: Self-service DNS → Planned']);
  });

  it('retries a failing receiver with backoff until it answers, and logs each attempt', async () => {
    await hook('/flaky');
    answers.set('/flaky', [500, 503]);
    await visitor(handle).requests.submit({ title: 'Retry me' });
    const t0 = new Date();
    expect(await dispatchDueDeliveries(handle.db, { now: t0 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect((await deliveries())[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'The receiver answered 500.' });
    expect((await deliveries())[0].nextAttemptAt).toEqual(new Date(t0.getTime() + 10_000));
    // Not due yet: nothing is sent.
    expect(await dispatchDueDeliveries(handle.db, { now: new Date(t0.getTime() + 5_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    await dispatchDueDeliveries(handle.db, { now: new Date(t0.getTime() + 10_000) });
    expect((await deliveries())[0].nextAttemptAt).toEqual(new Date(t0.getTime() + 70_000));
    await dispatchDueDeliveries(handle.db, { now: new Date(t0.getTime() + 70_000) });
    expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    expect(received).toHaveLength(3);
    // Every attempt carries the same body under a fresh signature.
    expect(new Set(received.map((message) => message.body)).size).toBe(1);
  });

  it('gives up after the last attempt, and an admin can send it again', async () => {
    await hook('/down');
    answers.set('/down', Array(10).fill(500));
    await visitor(handle).requests.submit({ title: 'Never arrives' });
    let now = new Date();
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await dispatchDueDeliveries(handle.db, { now });
      now = new Date(now.getTime() + 3 * 3_600_000);
    }
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
    await admin.webhooks.retry({ id: failed.id });
    expect((await deliveries())[0].status).toBe('pending');
    expect((await rejection(admin.webhooks.retry({ id: failed.id }))).code).toBe('CONFLICT');
  });

  it('logs a redirect loop, an unreachable receiver and a silent one as failures; the app carries on', async () => {
    await hook('/loop');
    await admin.webhooks.create({ name: 'Closed port', url: `http://127.0.0.1:${await freePort()}/hook`, onNewRequest: true, onLaneChange: false });
    await hook('/silent');
    const started = Date.now();
    const { id } = await visitor(handle).requests.submit({ title: 'Still works' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await dispatchDueDeliveries(handle.db, { timeoutMs: 300 })).toEqual({ delivered: 0, retrying: 3, failed: 0 });
    const errors = Object.fromEntries((await deliveries()).map((row) => [row.webhookName, row.lastError]));
    expect(errors['Receiver /loop']).toBe(`The receiver answered 302, a redirect to ${base}/loop. Webhooks do not follow redirects: use the final address.`);
    // A closed port and a silent receiver read the same: the log is no port scanner.
    expect(errors['Closed port']).toBe('Not delivered: the receiver could not be reached.');
    expect(errors['Receiver /silent']).toBe('Not delivered: the receiver could not be reached.');
    // The loop was not followed: one request reached /loop.
    expect(received.filter((message) => message.path === '/loop')).toHaveLength(1);
    expect((await visitor(handle).requests.publicGet({ id })).title).toBe('Still works');
  });

  it('does not send to a switched-off webhook, and sends a test message on demand', async () => {
    const created = await hook('/ok');
    await admin.webhooks.update({ id: created.id, name: 'Off', url: `${base}/ok`, onNewRequest: true, onLaneChange: true, isActive: false });
    await visitor(handle).requests.submit({ title: 'Nobody hears this' });
    await dispatchDueDeliveries(handle.db);
    expect(received).toEqual([]);
    await admin.webhooks.update({ id: created.id, name: 'On', url: `${base}/ok`, onNewRequest: true, onLaneChange: true, isActive: true });
    await admin.webhooks.sendTest({ id: created.id });
    await dispatchDueDeliveries(handle.db);
    expect(received.map((message) => JSON.parse(message.body).text)).toEqual([expect.stringMatching(/^Test message from Frictionlog, sent by admin \d+\. This webhook works\.$/)]);
  });
});
