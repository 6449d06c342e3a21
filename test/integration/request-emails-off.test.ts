// Without SMTP_URL no email is queued or sent, and the workspace settings say so.
import { expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { dispatchDueEmails } from '@/server/request-emails/service';
import { callerWithRole } from '@/test/helpers/callers';
import { visitor } from '@/test/helpers/visitor';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

it('queues and sends nothing without SMTP_URL, and says so to members', async () => {
  const editor = await callerWithRole(handle, 'editor');
  const { id } = await visitor(handle).requests.submit({ title: 'CI is slow', email: 'asker@example.com' });
  await editor.requests.decline({ id, reason: 'No.' });
  expect(await dispatchDueEmails(handle.db)).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
  expect(await handle.db.selectFrom('request_emails').select('id').execute()).toEqual([]);
  expect(await editor.requestEmails.settings()).toEqual({ isConfigured: false, server: null, pending: 0, sent: 0, failed: 0 });
});
