// Webhook SSRF (issue 15, failure 7): receivers are checked when saved and when sent, after DNS
// resolution, against loopback, private, link-local, unspecified, CGNAT and metadata addresses in
// every spelling; an admin setting allows private networks (off by default) but never metadata
// or link-local; the connection goes to the address that was checked (no DNS rebinding).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { dispatchDueDeliveries } from '@/server/webhooks/service';
import { postPinned } from '@/server/webhooks/service-targets';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { namedMessage } from '@/test/helpers/named-error';
import { freePort } from '@/test/helpers/net';
import { visitor } from '@/test/helpers/visitor';

let handle: DbHandle;
let admin: Awaited<ReturnType<typeof callerWithRole>>;
let receiver: http.Server;
let port: number;
const received: { host: string | undefined; path: string | undefined }[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  admin = await callerWithRole(handle, 'admin');
  port = await freePort();
  receiver = http.createServer((request, response) => {
    received.push({ host: request.headers.host, path: request.url });
    request.resume();
    response.end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await handle.close();
});

const create = (url: string) => admin.webhooks.create({ name: 'Probe', url, onNewRequest: true, onLaneChange: false });
const PRIVATE = /^url: This address is on a private network/;
const FORBIDDEN = /^url: This address points at a link-local, metadata, reserved or unspecified address/;

describe('saving a webhook', () => {
  it.each([
    ['http://127.0.0.1:5432/', PRIVATE],
    ['http://[::1]/hook', PRIVATE],
    ['http://2130706433/', PRIVATE],
    ['http://0x7f.1/', PRIVATE],
    ['http://[::ffff:127.0.0.1]/', PRIVATE],
    ['http://localhost:5432/', PRIVATE],
    ['http://10.1.2.3/', PRIVATE],
    ['http://192.168.0.10/', PRIVATE],
    ['http://100.64.0.1/', PRIVATE],
    ['http://169.254.169.254/latest/meta-data/', FORBIDDEN],
    ['http://[::ffff:169.254.169.254]/', FORBIDDEN],
    ['http://[fe80::1]/', FORBIDDEN],
    ['http://0.0.0.0:3000/', FORBIDDEN],
    ['http://metadata.google.internal/computeMetadata/v1/', FORBIDDEN],
    ['http://224.0.0.1/', FORBIDDEN],
  ])('refuses %s by default, naming the field, and saves nothing', async (url, message) => {
    expect(namedMessage(await rejection(create(url)))).toMatch(message);
    expect(await admin.webhooks.list()).toEqual([]);
  });

  it('refuses a name that does not resolve', async () => {
    expect(namedMessage(await rejection(create('http://no-such-receiver.invalid/hook')))).toBe('url: The name no-such-receiver.invalid does not resolve to an address.');
  });

  it('allows private receivers once an admin says so, but never metadata or link-local ones', async () => {
    expect(await admin.webhooks.settings()).toEqual({ allowPrivateTargets: false });
    const editor = await callerWithRole(handle, 'editor');
    expect((await rejection(editor.webhooks.setAllowPrivateTargets({ isAllowed: true }))).code).toBe('FORBIDDEN');
    await admin.webhooks.setAllowPrivateTargets({ isAllowed: true });
    const local = await create(`http://127.0.0.1:${port}/allowed`);
    await create('http://10.1.2.3/hook');
    for (const url of ['http://169.254.169.254/', 'http://metadata.google.internal/', 'http://0.0.0.0/', 'http://[::ffff:a9fe:a9fe]/']) {
      expect(namedMessage(await rejection(create(url)))).toMatch(FORBIDDEN);
    }
    await admin.webhooks.delete({ id: local.id });
    await handle.db.deleteFrom('webhooks').execute();
    await admin.webhooks.setAllowPrivateTargets({ isAllowed: false });
  });
});

describe('sending', () => {
  it('checks the address again at send time and logs only "not delivered"', async () => {
    await admin.webhooks.setAllowPrivateTargets({ isAllowed: true });
    await create(`http://127.0.0.1:${port}/later-refused`);
    await admin.webhooks.setAllowPrivateTargets({ isAllowed: false });
    await visitor(handle).requests.submit({ title: 'Sent nowhere private' });
    received.length = 0;
    await dispatchDueDeliveries(handle.db, { timeoutMs: 500 });
    expect(received).toEqual([]);
    const [delivery] = await admin.webhooks.deliveries();
    expect(delivery.lastError).toMatch(/^Not delivered: this address is on a private network/);
    expect(delivery.lastStatusCode).toBeNull();
    await handle.db.deleteFrom('webhooks').execute();
  });

  it('connects to the address that was checked, whatever the name resolves to now', async () => {
    received.length = 0;
    const answer = await postPinned(
      { url: new URL(`http://rebinding.example.test:${port}/pinned`), address: '127.0.0.1', family: 4 },
      { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 2000 },
    );
    expect(answer.status).toBe(200);
    expect(received).toEqual([{ host: `rebinding.example.test:${port}`, path: '/pinned' }]);
  });
});
