// The evidence list's filters of issue 18: by pain theme, by "not in a theme yet" and by words
// (stemmed full text over the stored vector), alone and together; bad words are a 400 naming the
// field. Tagging with a new theme is one transaction: a refused tag leaves no orphan theme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addTheme } from '@/test/helpers/fixtures';

let handle: DbHandle;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
const ids = { theme: '', other: '', staging: '', approvals: '', untaggedStaging: '', untaggedWiki: '' };

beforeAll(async () => {
  handle = await createTestDb();
  viewer = await callerWithRole(handle, 'viewer');
  editor = await callerWithRole(handle, 'editor');
  ids.theme = (await addTheme(handle, 'Staging environments take days')).id;
  ids.other = (await addTheme(handle, 'Change approvals are slow')).id;
  ids.staging = (await addEvidence(handle, { themeIds: [ids.theme], excerpt: 'I waited two days for a staging database' })).id;
  ids.approvals = (await addEvidence(handle, { themeIds: [ids.other, ids.theme], excerpt: 'Every deploy waits for a manual approval' })).id;
  ids.untaggedStaging = (await addEvidence(handle, { themeIds: [], excerpt: 'Staging was broken again during the demo' })).id;
  ids.untaggedWiki = (await addEvidence(handle, { themeIds: [], excerpt: 'The wiki page on databases is out of date' })).id;
});
afterAll(async () => handle.close());

const listIds = async (filter: { themeId?: string; isUntagged?: boolean; text?: string }) =>
  (await viewer.evidence.list(filter)).rows.map((row) => row.id).sort();

describe('evidence.list filters', () => {
  it('filters by theme, by not in a theme yet, and by words', async () => {
    expect(await listIds({ themeId: ids.theme })).toEqual([ids.staging, ids.approvals].sort());
    expect(await listIds({ themeId: ids.other })).toEqual([ids.approvals]);
    expect(await listIds({ isUntagged: true })).toEqual([ids.untaggedStaging, ids.untaggedWiki].sort());
    // Stemmed: "databases" finds "database", "approvals" finds "approval".
    expect(await listIds({ text: 'databases' })).toEqual([ids.staging, ids.untaggedWiki].sort());
    expect(await listIds({ text: 'approvals' })).toEqual([ids.approvals]);
  });

  it('combines the filters and counts what matches', async () => {
    expect(await listIds({ isUntagged: true, text: 'staging' })).toEqual([ids.untaggedStaging]);
    expect(await listIds({ themeId: ids.theme, text: 'staging' })).toEqual([ids.staging]);
    const none = await viewer.evidence.list({ themeId: ids.other, text: 'wiki' });
    expect(none).toEqual({ rows: [], total: 0 });
  });

  it('reads tsquery syntax and stop words as plain words, never as an error', async () => {
    expect(await listIds({ text: "staging & | ! :* ('" })).toEqual([ids.staging, ids.untaggedStaging].sort());
    expect(await listIds({ text: 'the' })).toEqual([]);
  });

  it('answers 400 naming the field for over-long words or a NUL', async () => {
    const long = await rejection(viewer.evidence.list({ text: 'staging '.repeat(30) }));
    expect(long.code).toBe('BAD_REQUEST');
    expect(long.message).toBe('text: Keep the words to find under 200 characters');
    const nul = await rejection(viewer.evidence.list({ text: 'stag\0ing' }));
    expect(nul.code).toBe('BAD_REQUEST');
    expect(nul.message).toContain('Field "text"');
  });
});

describe('tagging into a new theme', () => {
  it('creates the theme and its tags together, and leaves no theme when the tag is refused', async () => {
    const before = await handle.db.selectFrom('themes').select('id').execute();
    const missing = '00000000-0000-4000-8000-999999999999';
    const refused = await rejection(editor.evidence.tag({ evidenceIds: [missing], newThemeTitle: 'Nobody owns the wiki' }));
    expect(refused.code).toBe('NOT_FOUND');
    expect(await handle.db.selectFrom('themes').select('id').execute()).toHaveLength(before.length);

    await editor.evidence.tag({ evidenceIds: [ids.untaggedWiki], newThemeTitle: 'Nobody owns the wiki' });
    const theme = await handle.db.selectFrom('themes').select('id').where('title', '=', 'Nobody owns the wiki').executeTakeFirstOrThrow();
    expect(await listIds({ themeId: theme.id })).toEqual([ids.untaggedWiki]);
    expect(await listIds({ isUntagged: true })).toEqual([ids.untaggedStaging]);
  });
});
