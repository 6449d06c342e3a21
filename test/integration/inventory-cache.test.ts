// The ranked inventory is cached under the version of its inputs: a repeated view is served from
// the cache, and any committed write to evidence, tags, themes, participants or teams (from this
// process or another, here simulated by writing straight to the database) is seen at once.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { changeLogVersion, pruneChangeLog } from '@/server/change-log/queries';
import { dbKind } from '@/test/helpers/db';
import { addEvidence, addParticipant, addTheme } from '@/test/helpers/fixtures';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let viewer: Caller;
startWorkspace({ roles: ['viewer'] }, (ws) => ({ handle, viewer } = ws));

const affected = (view: Awaited<ReturnType<typeof viewer.inventory.view>>, title: string) => view.themes.find((theme) => theme.title === title)?.affectedDevelopers ?? 0;

describe('the inventory cache', () => {
  it('serves a repeated view from the cache and sees every kind of write at once', async () => {
    const theme = await addTheme(handle, 'Waiting for a staging environment');
    const ana = await addParticipant(handle, { name: 'Ana', teamName: 'Payments', tenureBand: '1-3y' });
    await addEvidence(handle, { themeIds: [theme.id], participantId: ana.id, minutesLost: 60 });

    const first = await viewer.inventory.view({});
    expect(affected(first, theme.title)).toBe(1);
    expect(await viewer.inventory.view({})).toBe(first); // the same object: nothing was recomputed

    // A new developer's evidence, written without the app (as another process would).
    const ben = await addParticipant(handle, { name: 'Ben', teamName: 'Search' });
    await addEvidence(handle, { themeIds: [theme.id], participantId: ben.id, minutesLost: 30 });
    expect(affected(await viewer.inventory.view({}), theme.title)).toBe(2);

    // Untagging, moving a developer to another team, renaming a theme: each is seen.
    const payments = ana.team_id!;
    expect(affected(await viewer.inventory.view({ filter: { teamId: payments } }), theme.title)).toBe(1);
    await handle.db.updateTable('participants').set({ team_id: null }).where('id', '=', ana.id).execute();
    expect(affected(await viewer.inventory.view({ filter: { teamId: payments } }), theme.title)).toBe(0);
    await handle.db.updateTable('themes').set({ title: 'Staging takes days' }).where('id', '=', theme.id).execute();
    expect(affected(await viewer.inventory.view({}), 'Staging takes days')).toBe(2);
    await handle.db.deleteFrom('evidence_themes').where('theme_id', '=', theme.id).execute();
    expect((await viewer.inventory.view({})).themes).toEqual([]);
  });

  // PGlite has a single connection: a read cannot run beside an open transaction there.
  it.runIf(dbKind === 'postgres')('does not cache a write before it commits, and sees it after', async () => {
    const theme = await addTheme(handle, 'Flaky CI');
    const isShown = async () => (await viewer.inventory.view({})).themes.some((row) => row.title === 'Flaky CI');
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into evidence_themes (evidence_id, theme_id) select id, ${theme.id} from evidence limit 1`.execute(trx);
      expect(await isShown()).toBe(false); // read on another connection, cached under the version before the commit
    });
    expect(await isShown()).toBe(true);
  });

  it('never returns to an earlier version when the change log is pruned', async () => {
    const version = await changeLogVersion(handle.db, { log: 'inventory_changes' });
    await pruneChangeLog(handle.db, { log: 'inventory_changes', before: new Date(Date.now() + 60_000) });
    const pruned = await changeLogVersion(handle.db, { log: 'inventory_changes' });
    expect(pruned).not.toBe(version);
    expect(pruned.startsWith('1:')).toBe(true);
  });
});
