// The deployments CSV import previews before importing (issue 18, item 10): the preview counts
// rows, new and already stored, services, failures and dates, shows the first rows and writes
// nothing; a bad file is refused naming its row and column, with nothing written; a viewer
// cannot preview.
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
let viewer: Caller;
startWorkspace({ roles: ['editor', 'viewer'] }, (ws) => ({ handle, editor, viewer } = ws));

const HEADER = 'event_id,service,team,via_platform,commit_time,deploy_time,outcome,recovered_at';
const FILE = [
  HEADER,
  'pv-1,web,Web,yes,2026-02-03 09:00,2026-02-03 10:00,success,',
  'pv-2,web,Web,no,2026-02-04 09:00,2026-02-04 10:00,failure,2026-02-04 11:00',
  'pv-3,api,Core,yes,2026-02-10 09:00,2026-02-10 09:30,success,',
].join('\n');

const stored = async () => (await handle.db.selectFrom('deployments').select('event_id').where('event_id', 'like', 'pv-%').execute()).length;

describe('deployments CSV preview', () => {
  it('says what the file holds and what importing it would do, and writes nothing', async () => {
    const preview = await editor.metrics.previewDeployments({ text: FILE });
    expect(preview).toMatchObject({ rows: 3, newRows: 3, alreadyStored: 0, services: 2, viaPlatform: 2, failures: 1 });
    expect(preview.firstDeployedAt.toISOString()).toBe('2026-02-03T10:00:00.000Z');
    expect(preview.lastDeployedAt.toISOString()).toBe('2026-02-10T09:30:00.000Z');
    expect(preview.sample.map((row) => row.eventId)).toEqual(['pv-1', 'pv-2', 'pv-3']);
    expect(preview.sample[1]).toMatchObject({ service: 'web', team: 'Web', viaPlatform: false, outcome: 'failure' });
    expect(await stored()).toBe(0);

    expect(await editor.metrics.importDeployments({ text: FILE })).toMatchObject({ inserted: 3 });
    // The same file again: everything is already stored, and the preview says so.
    expect(await editor.metrics.previewDeployments({ text: FILE })).toMatchObject({ newRows: 0, alreadyStored: 3 });
  });

  it('refuses a bad file naming the row and column, and a file without rows, writing nothing', async () => {
    const bad = `${HEADER}\npv-9,web,Web,yes,2026-02-03 09:00,2026-02-03 10:00,success,\npv-10,web,Web,maybe,2026-02-03 09:00,2026-02-03 10:00,success,\n`;
    const error = await rejection(editor.metrics.previewDeployments({ text: bad }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('Nothing was imported: row 3, column "via_platform": viaPlatform must be true or false');
    expect(await handle.db.selectFrom('deployments').select('id').where('event_id', 'in', ['pv-9', 'pv-10']).execute()).toHaveLength(0);

    const repeated = `${FILE}\npv-3,api,Core,yes,2026-02-10 09:00,2026-02-10 09:30,success,`;
    expect((await rejection(editor.metrics.previewDeployments({ text: repeated }))).message).toMatch(/^Nothing was imported: row 5, column "event_id"/);
    expect((await rejection(editor.metrics.previewDeployments({ text: 'not,a,deployments,file\n1,2,3,4' }))).code).toBe('BAD_REQUEST');
    expect((await rejection(editor.metrics.previewDeployments({ text: 12 as unknown as string }))).code).toBe('BAD_REQUEST');
  });

  it('is for editors only', async () => {
    expect((await rejection(viewer.metrics.previewDeployments({ text: FILE }))).code).toBe('FORBIDDEN');
  });
});
