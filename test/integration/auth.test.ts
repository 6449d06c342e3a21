import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { resolveSession } from '@/server/auth/service';
import { hashToken } from '@/server/auth/session-token';
import { createCaller } from '@/server/root';
import { createContextInner, type CookieJar } from '@/server/trpc';
import { callerAs, callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

function recordingCookies() {
  const jar: Record<string, string | null> = {};
  const cookies: CookieJar = { set: (name, value) => (jar[name] = value), clear: (name) => (jar[name] = null) };
  return { jar, cookies };
}

function anonymous(clientKey = 'client-a') {
  const { jar, cookies } = recordingCookies();
  return { jar, caller: createCaller(createContextInner({ db: handle.db, clientKey, cookies })) };
}

const admin = { name: 'Ana Admin', email: 'Ana@Example.com', password: 'correct horse battery' };

describe('first run', () => {
  beforeEach(async () => {
    await handle.db.deleteFrom('users').execute();
    await handle.db.deleteFrom('auth_failures').execute();
  });

  it('creates the first admin, signs them in, and refuses a second setup', async () => {
    const { caller, jar } = anonymous();
    expect(await caller.auth.status()).toEqual({ isSetupDone: false, user: null });
    const user = await caller.auth.setup(admin);
    expect(user).toMatchObject({ name: 'Ana Admin', role: 'admin' });
    expect(jar.frictionlog_session).toMatch(/^[\w-]{40,}$/);

    const stored = await handle.db.selectFrom('users').select(['password_hash']).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain(admin.password);
    const session = await handle.db.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
    expect(session.id).toBe(hashToken(jar.frictionlog_session!));

    const second = await rejection(anonymous().caller.auth.setup({ ...admin, email: 'mallory@example.com' }));
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toContain('already set up');
    expect(await handle.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('names the field of bad setup input and writes nothing', async () => {
    const error = await rejection(anonymous().caller.auth.setup({ name: '', email: 'not-an-email', password: 'short' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^name: Enter a name/);
    expect(await handle.db.selectFrom('users').select('id').execute()).toHaveLength(0);
  });
});

describe('signing in', () => {
  beforeAll(async () => {
    await handle.db.deleteFrom('users').execute();
    await anonymous().caller.auth.setup(admin);
  });
  beforeEach(async () => handle.db.deleteFrom('auth_failures').execute());

  it('signs in with any letter case of the email and resolves the session', async () => {
    const { caller, jar } = anonymous();
    await caller.auth.signIn({ email: 'ana@example.COM', password: admin.password });
    const user = await resolveSession(handle.db, { token: jar.frictionlog_session! });
    expect(user).toMatchObject({ name: 'Ana Admin', role: 'admin' });
  });

  it('says the same thing for an unknown email and a wrong password', async () => {
    const wrongPassword = await rejection(anonymous().caller.auth.signIn({ email: admin.email, password: 'nope nope nope' }));
    const unknownEmail = await rejection(anonymous().caller.auth.signIn({ email: 'ghost@example.com', password: admin.password }));
    expect(wrongPassword.code).toBe('UNAUTHORIZED');
    expect(wrongPassword.message).toBe('Email or password is incorrect.');
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });

  it('slows down repeated failures for one account, even from new clients', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const error = await rejection(anonymous(`client-${attempt}`).caller.auth.signIn({ email: admin.email, password: 'wrong password' }));
      expect(error.code).toBe('UNAUTHORIZED');
    }
    const slowed = await rejection(anonymous('client-new').caller.auth.signIn({ email: admin.email, password: admin.password }));
    expect(slowed.code).toBe('TOO_MANY_REQUESTS');
    expect(slowed.message).toMatch(/Try again in \d+ seconds/);
  });

  it('slows down one client that tries many accounts', async () => {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      await rejection(anonymous('one-client').caller.auth.signIn({ email: `user${attempt}@example.com`, password: 'x' }));
    }
    const slowed = await rejection(anonymous('one-client').caller.auth.signIn({ email: admin.email, password: admin.password }));
    expect(slowed.code).toBe('TOO_MANY_REQUESTS');
    // Another client can still sign in to the same account.
    await expect(anonymous('other-client').caller.auth.signIn({ email: admin.email, password: admin.password })).resolves.toMatchObject({ role: 'admin' });
  });

  it('treats forged and expired sessions as signed out', async () => {
    expect(await resolveSession(handle.db, { token: 'forged-token-value' })).toBeNull();
    const { caller, jar } = anonymous();
    await caller.auth.signIn({ email: admin.email, password: admin.password });
    const id = hashToken(jar.frictionlog_session!);
    await handle.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect(await resolveSession(handle.db, { token: jar.frictionlog_session! })).toBeNull();
    expect(await handle.db.selectFrom('sessions').select('id').where('id', '=', id).execute()).toHaveLength(0);
  });

  it('signs out by deleting the session', async () => {
    const { caller, jar } = anonymous();
    await caller.auth.signIn({ email: admin.email, password: admin.password });
    const user = await resolveSession(handle.db, { token: jar.frictionlog_session! });
    await callerAs(handle, user).auth.signOut();
    expect(await resolveSession(handle.db, { token: jar.frictionlog_session! })).toBeNull();
  });
});

describe('members', () => {
  it('lets an admin add, change and remove members but never the last admin', async () => {
    await handle.db.deleteFrom('users').execute();
    const adminCaller = await callerWithRole(handle, 'admin');
    const editor = await adminCaller.members.add({ name: 'Eddie', email: 'eddie@example.com', role: 'editor', password: 'a long password' });
    expect(editor.role).toBe('editor');

    const duplicate = await rejection(
      adminCaller.members.add({ name: 'Eddie 2', email: 'EDDIE@example.com', role: 'viewer', password: 'a long password' }),
    );
    expect(duplicate.code).toBe('CONFLICT');

    const [onlyAdmin] = await handle.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    const demote = await rejection(adminCaller.members.changeRole({ id: onlyAdmin.id, role: 'viewer' }));
    expect(demote.code).toBe('CONFLICT');
    expect(demote.message).toContain('last admin');
    const remove = await rejection(adminCaller.members.remove({ id: onlyAdmin.id }));
    expect(remove.code).toBe('CONFLICT');
    expect((await handle.db.selectFrom('users').select('role').where('id', '=', onlyAdmin.id).executeTakeFirstOrThrow()).role).toBe('admin');

    await adminCaller.members.changeRole({ id: editor.id, role: 'admin' });
    await adminCaller.members.changeRole({ id: onlyAdmin.id, role: 'viewer' });
    await adminCaller.members.remove({ id: onlyAdmin.id });
    expect(await handle.db.selectFrom('users').select('role').execute()).toEqual([{ role: 'admin' }]);
  });

  it('stores HTML in a name as plain text', async () => {
    const adminCaller = await callerWithRole(handle, 'admin');
    const name = '<script>alert("x")</script><b>Bob</b>';
    const member = await adminCaller.members.add({ name, email: 'bob@example.com', role: 'viewer', password: 'a long password' });
    expect(member.name).toBe(name);
  });
});
