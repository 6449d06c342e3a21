import { beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
startWorkspace({}, (ws) => ({ handle, editor } = ws));
beforeEach(async () => {
  await handle.db.deleteFrom('participants').execute();
  await handle.db.deleteFrom('teams').execute();
});

const countParticipants = async () => (await handle.db.selectFrom('participants').select('id').execute()).length;

describe('participants', () => {
  it('adds, edits, filters, sorts and archives developers', async () => {
    const team = await editor.teams.create({ name: 'Payments' });
    const ada = await editor.participants.create({
      displayName: 'Ada',
      email: 'ada@example.com',
      teamId: team.id,
      tenureBand: '1-3y',
      background: 'backend',
    });
    await editor.participants.create({ displayName: 'Bo', email: '', teamId: null, tenureBand: '5y+', background: 'SRE' });

    const byTeam = await editor.participants.list({ teamId: team.id });
    expect(byTeam.rows.map((row) => row.displayName)).toEqual(['Ada']);
    expect(byTeam.rows[0]).toMatchObject({ teamName: 'Payments', tenureBand: '1-3y', email: 'ada@example.com' });

    const byTenureDesc = await editor.participants.list({ sort: 'tenure', direction: 'desc' });
    expect(byTenureDesc.rows.map((row) => row.displayName)).toEqual(['Bo', 'Ada']);
    expect((await editor.participants.list({ background: 'sre' })).total).toBe(1);
    expect((await editor.participants.list({ search: 'ADA@' })).total).toBe(1);

    await editor.participants.update({ id: ada.id, displayName: 'Ada Okafor', email: 'ada@example.com', teamId: null, tenureBand: '3-5y', background: null });
    expect(await editor.participants.get({ id: ada.id })).toMatchObject({ displayName: 'Ada Okafor', teamId: null, tenureBand: '3-5y' });

    await editor.participants.setArchived({ id: ada.id, isArchived: true });
    expect((await editor.participants.list({})).rows.map((row) => row.displayName)).toEqual(['Bo']);
    expect((await editor.participants.list({ status: 'archived' })).rows.map((row) => row.displayName)).toEqual(['Ada Okafor']);
  });

  it('refuses a duplicate email in any letter case and writes nothing', async () => {
    await editor.participants.create({ displayName: 'Ada', email: 'ada@example.com', teamId: null, tenureBand: null, background: null });
    const error = await rejection(
      editor.participants.create({ displayName: 'Other Ada', email: 'ADA@Example.com', teamId: null, tenureBand: null, background: null }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('already has this email');
    expect(await countParticipants()).toBe(1);
  });

  it('names the field of bad input', async () => {
    const error = await rejection(
      editor.participants.create({ displayName: ' ', email: 'nope', teamId: null, tenureBand: '9y' as '5y+', background: null }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('displayName: Enter a name');
    expect(await countParticipants()).toBe(0);
  });

  it('stores HTML and script as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const created = await editor.participants.create({ displayName: name, email: null, teamId: null, tenureBand: null, background: '<b>data</b>' });
    expect(await editor.participants.get({ id: created.id })).toMatchObject({ displayName: name, background: '<b>data</b>' });
  });

  it('lets a viewer read but not change the directory', async () => {
    const viewer = await callerWithRole(handle, 'viewer');
    await editor.participants.create({ displayName: 'Ada', email: null, teamId: null, tenureBand: null, background: null });
    expect((await viewer.participants.list({})).total).toBe(1);
    const error = await rejection(viewer.participants.create({ displayName: 'Eve', email: null, teamId: null, tenureBand: null, background: null }));
    expect(error.code).toBe('FORBIDDEN');
    expect(await countParticipants()).toBe(1);
  });
});

describe('directory CSV import', () => {
  const csv = [
    'name,email,team,tenure,background',
    'Ada Okafor,ada@example.com,Payments,1-3y,backend',
    'Bo Lin,bo@example.com,payments,<1y,frontend',
    'Cy Diaz,,Search,5y+,data',
  ].join('\n');

  it('previews, imports, creates unknown teams once, and is a no-op the second time', async () => {
    await editor.teams.create({ name: 'Search' });
    const preview = await editor.participants.previewImport({ text: csv });
    expect(preview).toMatchObject({ totalRows: 3, toInsert: 3, toUpdate: 0, unchanged: 0, newTeams: ['Payments'], problems: [] });
    expect(await countParticipants()).toBe(0);

    expect(await editor.participants.import({ text: csv })).toEqual({ inserted: 3, updated: 0, unchanged: 0, teamsCreated: 1, skipped: [], skippedRows: 0 });
    const teams = await editor.teams.list();
    expect(teams.map((team) => [team.name, team.developerCount])).toEqual([
      ['Payments', 2],
      ['Search', 1],
    ]);

    expect(await editor.participants.import({ text: csv })).toEqual({ inserted: 0, updated: 0, unchanged: 3, teamsCreated: 0, skipped: [], skippedRows: 0 });
    expect(await countParticipants()).toBe(3);

    const changed = csv.replace('Bo Lin,bo@example.com,payments,<1y', 'Bo Lin,BO@example.com,Payments,1-3y');
    expect(await editor.participants.import({ text: changed })).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
  });

  it.each([
    ['a missing header column', 'name,email,team\nAda,ada@example.com,Payments', /missing "tenure", "background"/],
    ['an unknown tenure band', 'name,email,team,tenure,background\nAda,ada@example.com,Payments,forever,backend', /row 2, column "tenure"/],
    ['broken quoting', 'name,email,team,tenure,background\nAda,"ada@example.com,Payments,1-3y,backend\nBo,bo@example.com,,,', /row 2: Row 2: a quoted cell is never closed/],
    ['duplicate emails inside the file', 'name,email,team,tenure,background\nAda,ada@example.com,,,\nAda,ADA@example.com,,,', /row 3, column "email": ADA@example.com already appears in row 2/],
  ])('refuses %s, naming where, and writes nothing', async (_label, text, message) => {
    const error = await rejection(editor.participants.import({ text }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect(await countParticipants()).toBe(0);
    expect(await handle.db.selectFrom('teams').select('id').execute()).toHaveLength(0);
  });

  it('refuses 5 MB of binary with a clear message', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 256;
    const error = await rejection(editor.participants.import({ text: bytes.toString('utf8') }));
    expect(error.message).toContain('not a CSV text file');
    expect(await countParticipants()).toBe(0);
  });

  it('refuses an email that already belongs to someone else as a whole-file failure', async () => {
    await editor.participants.create({ displayName: 'Ada', email: 'ada@example.com', teamId: null, tenureBand: null, background: null });
    // Matching is by email, so this row updates Ada rather than failing: the file is the source of truth.
    const result = await editor.participants.import({ text: 'name,email,team,tenure,background\nAda O.,ADA@example.com,,,' });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(await countParticipants()).toBe(1);
  });
});
