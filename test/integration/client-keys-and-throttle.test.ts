// Rate-limit keys per client and atomic sign-in throttling (issue 15, failures 4 and 5): without a
// trusted proxy each socket's address is its own key (through a real HTTP server, whatever
// headers the client sends), one client's failures never lock out another, 200 voters from 200
// addresses are not refused, and 30 parallel wrong passwords get 429s.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { CLIENT_ADDRESS_HEADER, installClientAddressStamp } from '@/server/client-address';
import { clientKeyOf } from '@/server/http-context';
import { createCaller } from '@/server/root';
import { createContextInner } from '@/server/trpc';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { visitor } from '@/test/helpers/visitor';

let handle: DbHandle;
let server: http.Server;
let port: number;

beforeAll(async () => {
  handle = await createTestDb();
  installClientAddressStamp();
  // Answers with the client key the app would use for the request it received.
  server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    response.end(clientKeyOf(headers));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await handle.close();
});

/** The key of a request sent from one local address (all of 127.0.0.0/8 is this machine). */
function keyFrom(localAddress: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, localAddress, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.end();
  });
}

const anonymous = (clientKey: string) => createCaller(createContextInner({ db: handle.db, user: null, clientKey }));

describe('client keys without a trusted proxy', () => {
  it('keys each socket by its own address, whatever headers it sends', async () => {
    const forged = { 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2', [CLIENT_ADDRESS_HEADER]: 'guess 198.51.100.3' };
    expect(await keyFrom('127.0.0.2', forged)).toBe('127.0.0.2');
    expect(await keyFrom('127.0.0.3')).toBe('127.0.0.3');
    // A header without this process's stamp is no address at all.
    expect(clientKeyOf(new Headers({ [CLIENT_ADDRESS_HEADER]: 'guess 198.51.100.3' }))).toBe('unknown');
  });

  it('does not let 25 wrong sign-ins with made-up emails from one client lock out a different user', async () => {
    const admin = await callerWithRole(handle, 'admin');
    await admin.members.add({ name: 'Vic Viewer', email: 'vic@example.com', role: 'viewer', password: 'viewer password 1' });
    const attacker = anonymous(await keyFrom('127.0.0.4'));
    const refusals = [];
    for (let attempt = 1; attempt <= 25; attempt += 1) {
      refusals.push((await rejection(attacker.auth.signIn({ email: `made-up-${attempt}@example.com`, password: 'wrong password' }))).code);
    }
    expect(refusals.slice(20)).toEqual(Array(5).fill('TOO_MANY_REQUESTS'));
    await expect(anonymous(await keyFrom('127.0.0.5')).auth.signIn({ email: 'vic@example.com', password: 'viewer password 1' })).resolves.toMatchObject({
      name: 'Vic Viewer',
    });
  });

  it('refuses none of 200 voters from 200 addresses', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const item = await editor.roadmap.create({ title: 'Faster builds', lane: 'planned', isPublic: true });
    await editor.roadmap.publish();
    const outcomes = [];
    for (let index = 1; index <= 200; index += 1) {
      const key = await keyFrom(`127.0.${Math.floor(index / 250) + 1}.${(index % 250) + 1}`);
      outcomes.push(await visitor(handle, { clientKey: key }).roadmap.vote({ target: { kind: 'item', id: item.id }, email: null }).then(() => 'ok', (error: Error) => error.message));
    }
    expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual([]);
    expect((await visitor(handle).roadmap.publicItem({ id: item.id })).votes).toBe(200);
  });
});

describe('sign-in throttling', () => {
  it('answers a parallel burst of 30 wrong passwords for one account with 429s', async () => {
    const admin = await callerWithRole(handle, 'admin');
    await admin.members.add({ name: 'Bea Burst', email: 'bea@example.com', role: 'viewer', password: 'viewer password 1' });
    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, index) => rejection(anonymous(`burst-${index}`).auth.signIn({ email: 'bea@example.com', password: `wrong guess ${index}` })).then((error) => error.code)),
    );
    expect(codes.filter((code) => code === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(25);
  });

  it('answers a parallel burst from one client against 30 accounts with 429s past its allowance', async () => {
    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, index) => rejection(anonymous('one-burst-client').auth.signIn({ email: `burst-${index}@example.com`, password: 'wrong' })).then((error) => error.code)),
    );
    expect(codes.filter((code) => code === 'UNAUTHORIZED')).toHaveLength(20);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(10);
  });
});
