// Post-mortems on a real database: every real DFDS post-mortem of the fixture (the shared README
// counts 40; the folder holds 39 Markdown files) imports with its title, date and summary; the post-mortem CSV; the infrastructure flag a person confirms; contributing factors
// into evidence; bad files refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '@/db/create-db';
import { importFromRequest } from '@/server/imports/rest';
import { rankInventory } from '@/server/inventory/service-ranking';
import { callerWithRole } from '@/test/helpers/callers';
import { rejection } from '@/test/helpers/errors';
import { FIXTURES, fixture, uploadRequest } from '@/test/helpers/uploads';
import { startWorkspace } from '@/test/helpers/workspace';

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

const DFDS = path.join(FIXTURES, 'postmortems-dfds');
const dfdsFiles = () =>
  fs
    .readdirSync(DFDS)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, content: fs.readFileSync(path.join(DFDS, name)) }));

const upload = (fields: Record<string, string>, files: { name: string; content: string | Buffer }[]) =>
  importFromRequest(handle.db, uploadRequest(fields, files), { createdBy: null, via: 'page' });

describe('post-mortem imports', () => {
  it('imports every real post-mortem with its title, date and summary, and again changes nothing', async () => {
    const files = dfdsFiles();
    expect(files).toHaveLength(39);
    const report = await upload({ format: 'postmortem-markdown' }, files);
    expect(report).toMatchObject({ status: 'completed', rowsRead: 39, inserted: 39, problemCount: 0 });
    expect(report.message).toBe('Imported 39 files: 39 new, 0 updated, 0 unchanged.');
    const rows = await handle.db.selectFrom('postmortems').select(['external_key', 'title', 'incident_date', 'summary', 'category', 'detection_minutes', 'recovery_minutes', 'contributing_factors']).orderBy('external_key').execute();
    expect(rows).toHaveLength(39);
    for (const row of rows) {
      expect(row.title.length, row.external_key).toBeGreaterThan(5);
      expect(row.incident_date, row.external_key).toMatch(/^20(19|2\d)-\d{2}-\d{2}$/);
      expect(row.summary.length, row.external_key).toBeGreaterThan(40);
    }
    const byKey = (prefix: string) => rows.find((row) => row.external_key.startsWith(prefix))!;
    expect(byKey('pm2019-009')).toMatchObject({ title: 'Kubernetes network infrastructure IP starvation', incident_date: '2019-11-29' });
    expect(byKey('pm2019-009').contributing_factors[0]).toBe('No monitoring of network subnet capacity let to a known limitation in the architecture become an acute problem.');
    expect(byKey('pm2020-003')).toMatchObject({ title: 'ADSync migration issues', incident_date: '2020-01-16', category: 'Self-service', detection_minutes: null });
    expect(byKey('pm2022-006')).toMatchObject({ title: 'ALB 502 Errors', incident_date: '2022-05-25', category: 'Kubernetes network' });
    expect(byKey('pm2022-004')).toMatchObject({ detection_minutes: 1183, recovery_minutes: 1220 });
    expect(byKey('pm2025-002')).toMatchObject({ incident_date: '2025-03-17', detection_minutes: 371, recovery_minutes: 389 });

    const again = await upload({ format: 'postmortem-markdown' }, dfdsFiles());
    expect(again).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 39 });
  });

  it('imports a post-mortem CSV with multi-line lists', async () => {
    const report = await upload({ format: 'postmortem-csv' }, [{ name: 'postmortems.csv', content: fixture('tickets/postmortems.csv') }]);
    expect(report).toMatchObject({ status: 'completed', inserted: 2 });
    const row = await handle.db.selectFrom('postmortems').selectAll().where('title', '=', 'Registry outage blocks all deploys').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      incident_date: '2025-05-12',
      contributing_factors: ['Registry disk had no alert', 'Garbage collection was disabled after an upgrade'],
      detection_minutes: 30,
      recovery_minutes: 115,
      severity: 'SEV2',
    });
  });

  it('refuses a Markdown post-mortem with no title, naming the file; skips it when asked', async () => {
    const before = (await handle.db.selectFrom('postmortems').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const files = [
      { name: 'notes.md', content: 'Some notes without a heading.\n\n## Summary\n\nThe cache fell over.\n' },
      { name: 'cache-outage.md', content: '# Cache outage\n\nDate: 2025-09-01\n\n## Summary\n\nThe Redis cluster ran out of memory.\n\n## Contributing factors\n\n- No memory alert\n' },
    ];
    const refused = await upload({ format: 'postmortem-markdown' }, files);
    expect(refused.status).toBe('failed');
    expect(refused.problems).toEqual([{ file: 'notes.md', row: 1, column: 'title', message: 'The post-mortem has no title: start the file with a heading such as "# Database outage".' }]);
    expect(refused.message).toBe('Nothing was imported: 1 problem in the file. First: File notes.md, row 1, column "title": The post-mortem has no title: start the file with a heading such as "# Database outage".');
    expect((await handle.db.selectFrom('postmortems').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n).toBe(before);

    const skipped = await upload({ format: 'postmortem-markdown', skipBadRows: 'true' }, files);
    expect(skipped).toMatchObject({ status: 'completed', inserted: 1, skipped: 1 });
    const cache = await handle.db.selectFrom('postmortems').select(['incident_date', 'infrastructure_keywords']).where('title', '=', 'Cache outage').executeTakeFirstOrThrow();
    expect(cache).toMatchObject({ incident_date: '2025-09-01', infrastructure_keywords: ['cluster', 'capacity'] });
    const empty = await upload({ format: 'postmortem-markdown' }, [{ name: 'empty.md', content: '' }]);
    expect(empty.problems[0]).toMatchObject({ file: 'empty.md', message: 'The file is empty.' });
  });
});

describe('reviewing post-mortems', () => {
  it('suggests infrastructure from keywords, a person confirms it, and a contributing factor becomes evidence', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const suggested = await editor.postmortems.list({ infrastructure: 'suggested', limit: 100 });
    expect(suggested.counts.total).toBe(42);
    const starvation = suggested.rows.find((row) => row.title === 'Kubernetes network infrastructure IP starvation')!;
    expect(starvation.infrastructureKeywords).toContain('kubernetes');
    await editor.postmortems.setInfrastructure({ id: starvation.id, isInfrastructure: true });
    expect((await editor.postmortems.list({ infrastructure: 'yes' })).rows.map((row) => row.id)).toEqual([starvation.id]);

    const detail = await editor.postmortems.get({ id: starvation.id });
    expect(detail).toMatchObject({ isInfrastructure: true, reviewedByName: expect.any(String) });
    const saved = await editor.evidence.create({
      sourceKind: 'postmortem',
      sourceId: starvation.id,
      anchor: 'factor-1',
      excerpt: 'No monitoring of network subnet capacity',
      severity: 4,
      newThemeTitle: 'Nobody sees cluster capacity running out',
    });
    const evidence = await editor.evidence.get({ id: saved.id });
    expect(evidence).toMatchObject({ sourcePath: `/postmortems/${starvation.id}#factor-1`, participantId: null, observedOn: '2019-11-29' });
    const { themes } = await rankInventory(handle.db, {});
    expect(themes.find((theme) => theme.themeId === saved.themeIds[0])).toMatchObject({ affectedDevelopers: 0, unattributedMentions: 1, sourceKinds: ['postmortem'] });
    expect((await editor.postmortems.get({ id: starvation.id })).evidence).toHaveLength(1);
    expect((await rejection(editor.evidence.create({ sourceKind: 'postmortem', sourceId: starvation.id, anchor: 'factor-1', excerpt: 'Lack of revision of deployed infrastructure' }))).message).toMatch(/excerpt must be words from the source/);

    const viewer = await callerWithRole(handle, 'viewer');
    expect((await rejection(viewer.postmortems.setInfrastructure({ id: starvation.id, isInfrastructure: false }))).code).toBe('FORBIDDEN');
  });

  it('rolls back a post-mortem import unless its post-mortems became evidence', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const history = await editor.imports.history({ kind: 'postmortems' });
    const first = history.rows.find((row) => row.inserted === 39)!;
    expect((await rejection(editor.imports.rollback({ id: first.id }))).message).toMatch(/^1 evidence item was saved from post-mortems of this import/);
    const csv = history.rows.find((row) => row.format === 'postmortem-csv')!;
    expect(await editor.imports.rollback({ id: csv.id })).toMatchObject({ removed: 2, restored: 0 });
    const failed = history.rows.find((row) => row.status === 'failed')!;
    expect((await rejection(editor.imports.rollback({ id: failed.id }))).message).toMatch(/Only a finished import can be rolled back/);
  });
});
