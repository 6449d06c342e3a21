// Theme suggestions on the untagged-evidence inbox and in the tag dialog: "fits theme X" with its
// words, "these items look like one pain" groups, acceptance through evidence.tag only, and
// dismissals remembered in the database. Refusals write nothing.
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { rejection } from '@/test/helpers/errors';
import { addEvidence, addTheme } from '@/test/helpers/fixtures';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
let viewer: Caller;
startWorkspace({ roles: ['editor', 'viewer'], clear: ['evidence', 'themes'] }, (ws) => ({ handle, editor, viewer } = ws));

const countDismissals = async () => (await handle.db.selectFrom('theme_suggestion_dismissals').select('id').execute()).length;
const countTags = async () => (await handle.db.selectFrom('evidence_themes').select('evidence_id').execute()).length;

/** Two themes with tagged evidence, two untagged items that fit them, three that look like one pain. */
async function seed() {
  const staging = await addTheme(handle, 'Getting a staging database takes days');
  const flaky = await addTheme(handle, 'The CI pipeline is flaky');
  for (const excerpt of [
    'We wait two days for a staging database every time',
    'The staging database request sits in a queue for days',
    'Nobody can tell me when my staging database will be ready',
  ]) {
    await addEvidence(handle, { themeIds: [staging.id], excerpt });
  }
  for (const excerpt of ['The pipeline fails on flaky tests', 'Flaky integration tests make the pipeline red', 'I rerun the pipeline three times a day']) {
    await addEvidence(handle, { themeIds: [flaky.id], excerpt });
  }
  const waiting = await addEvidence(handle, { themeIds: [], excerpt: 'Still waiting for a staging database after a week' });
  const rerun = await addEvidence(handle, { themeIds: [], excerpt: 'Flaky tests again, the pipeline needed two reruns' });
  const vpn = [];
  for (const excerpt of [
    'The VPN drops my connection during deploys',
    'VPN disconnects every hour from the office network',
    'Working from home means the VPN times out on large uploads',
  ]) {
    vpn.push(await addEvidence(handle, { themeIds: [], excerpt }));
  }
  return { staging, flaky, waiting, rerun, vpn };
}

describe('suggestions', () => {
  it('suggests the theme an item fits, with the words that made it fit, and nothing is tagged', async () => {
    const { staging, flaky, waiting, rerun } = await seed();
    const result = await viewer.themes.suggestions({ evidenceIds: [waiting.id, rerun.id] });
    const fitsOf = new Map(result.fits.map((item) => [item.evidenceId, item.fits]));
    expect(fitsOf.get(waiting.id)?.[0]).toMatchObject({ themeId: staging.id, themeTitle: 'Getting a staging database takes days' });
    expect(fitsOf.get(waiting.id)?.[0].words).toContain('staging database');
    expect(fitsOf.get(rerun.id)?.[0]).toMatchObject({ themeId: flaky.id });
    expect(fitsOf.get(rerun.id)?.[0].words.join(' ')).toMatch(/flaky|pipeline/);
    expect(result.untaggedCount).toBe(5);
    expect(await countTags()).toBe(6);
  });

  it('proposes items that fit no theme as one pain, titled from their shared words', async () => {
    const { vpn } = await seed();
    const result = await viewer.themes.suggestions({});
    const group = result.groups.find((candidate) => candidate.term === 'vpn');
    expect(group?.title).toBe('Vpn');
    expect(new Set(group?.evidenceIds)).toEqual(new Set(vpn.map((row) => row.id)));
    expect(group?.samples).toHaveLength(3);
  });

  it('accepts a group into a new theme in one call (evidence.tag with a new statement)', async () => {
    const { vpn } = await seed();
    const group = (await editor.themes.suggestions({})).groups.find((candidate) => candidate.term === 'vpn')!;
    await editor.evidence.tag({ evidenceIds: group.evidenceIds, newThemeTitle: 'The VPN drops during work' });
    const theme = await handle.db.selectFrom('themes').select('id').where('title', '=', 'The VPN drops during work').executeTakeFirstOrThrow();
    const tagged = await handle.db.selectFrom('evidence_themes').select('evidence_id').where('theme_id', '=', theme.id).execute();
    expect(new Set(tagged.map((row) => row.evidence_id))).toEqual(new Set(vpn.map((row) => row.id)));
    // The new theme's evidence now teaches the model: the group is gone (its items are tagged).
    expect((await editor.themes.suggestions({})).groups.find((candidate) => candidate.term === 'vpn')).toBeUndefined();
  });

  it('does not suggest a theme the item is already in (the tag dialog on tagged evidence)', async () => {
    const { staging } = await seed();
    const tagged = await handle.db.selectFrom('evidence_themes').select('evidence_id').where('theme_id', '=', staging.id).executeTakeFirstOrThrow();
    const result = await viewer.themes.suggestions({ evidenceIds: [tagged.evidence_id] });
    expect(result.fits[0].fits.map((fit) => fit.themeId)).not.toContain(staging.id);
  });
});

describe('dismissals', () => {
  it('remembers a dismissed fit: it is not offered again', async () => {
    const { staging, waiting } = await seed();
    await editor.themes.dismissFit({ evidenceId: waiting.id, themeId: staging.id });
    const result = await editor.themes.suggestions({ evidenceIds: [waiting.id] });
    expect(result.fits[0].fits.map((fit) => fit.themeId)).not.toContain(staging.id);
    // Dismissing twice is harmless.
    await editor.themes.dismissFit({ evidenceId: waiting.id, themeId: staging.id });
    expect(await countDismissals()).toBe(1);
  });

  it('remembers a dismissed group: the same items are not grouped on those words again', async () => {
    const { vpn } = await seed();
    await editor.themes.dismissGroup({ term: 'vpn', evidenceIds: vpn.map((row) => row.id) });
    const result = await editor.themes.suggestions({});
    expect(result.groups.find((candidate) => candidate.term === 'vpn')).toBeUndefined();
    expect(await countDismissals()).toBe(3);
  });

  it('refuses a viewer, and evidence or a theme that is gone, writing nothing', async () => {
    const { staging, waiting } = await seed();
    expect((await rejection(viewer.themes.dismissFit({ evidenceId: waiting.id, themeId: staging.id }))).code).toBe('FORBIDDEN');
    const gone = '00000000-0000-4000-8000-999999999999';
    const missingEvidence = await rejection(editor.themes.dismissFit({ evidenceId: gone, themeId: staging.id }));
    expect(missingEvidence.code).toBe('NOT_FOUND');
    const missingTheme = await rejection(editor.themes.dismissFit({ evidenceId: waiting.id, themeId: gone }));
    expect(missingTheme.message).toMatch(/theme no longer exists/);
    const partlyMissing = await rejection(editor.themes.dismissGroup({ term: 'vpn', evidenceIds: [waiting.id, gone] }));
    expect(partlyMissing.message).toMatch(/1 of these evidence items no longer exist/);
    expect(await countDismissals()).toBe(0);
  });
});
