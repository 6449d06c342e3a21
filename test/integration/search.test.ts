// Search over interviews, shadowing notes, friction events, evidence and developers: ranked,
// highlighted, linked to the exact spot, and safe against any text typed into the box.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let interviewId: string;
let sessionId: string;
let eventId: string;
let evidenceId: string;
let mei: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  const editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  mei = await addParticipant(handle, { name: 'Mei Chen', teamName: 'Payments', background: 'SRE' });
  const hana = await addParticipant(handle, { name: 'Hana Sato', teamName: 'Mobile Apps', background: 'frontend' });

  interviewId = (await editor.interviews.create({ participantId: mei.id, interviewedOn: '2026-01-20' })).id;
  await editor.interviews.save({
    id: interviewId,
    changes: [
      { field: 'answer:3', base: '', value: 'When finance asks why the AWS bill went up I have to ask **FinOps** for a breakdown, and it takes them a week.' },
      { field: 'answer:5', base: '', value: 'Tracing. I grep logs in three services and line up timestamps by hand.' },
      { field: 'notes', base: '', value: 'Mei is the unofficial platform help desk. Kubernetes namespaces come up again and again.' },
    ],
  });
  sessionId = (await editor.shadowing.create({ participantId: hana.id, scenario: 'first-ci-cd', focus: 'First pipeline for the companion app', startNow: true })).id;
  eventId = randomUUID();
  await editor.shadowing.addEvent({ id: eventId, sessionId, offsetSeconds: 0, kind: 'dead-end', note: 'Build failed on a runner label that only exists for the search team.', minutesLost: 20 });
  await editor.shadowing.saveNotes({ id: sessionId, base: '', value: 'Most of the hour was reverse engineering YAML from the search team.' });
  evidenceId = (await editor.evidence.create({ sourceKind: 'interview', sourceId: interviewId, anchor: 'q-3', excerpt: 'ask FinOps for a breakdown, and it takes them a week', minutesLost: 120 })).id;
});
afterAll(async () => handle.close());

describe('search', () => {
  it('finds interview answers and evidence by stemmed words, ranked, highlighted and linked to the spot', async () => {
    const result = await viewer.search.query({ text: 'finops breakdowns' });
    expect(result.totals).toMatchObject({ interview: 1, evidence: 1, shadowing: 0, friction: 0, participant: 0 });
    const answer = result.results.find((item) => item.kind === 'answer')!;
    expect(answer).toMatchObject({ title: 'Interview with Mei Chen', context: 'Q3. What did you have to ask someone else for help with?', path: `/interviews/${interviewId}#q-3`, date: '2026-01-20' });
    expect(answer.snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual(['FinOps', 'breakdown']);
    // Markdown markers do not show in the snippet.
    expect(answer.snippet.map((part) => part.text).join('')).not.toContain('**');
    const evidence = result.results.find((item) => item.kind === 'evidence')!;
    expect(evidence).toMatchObject({ id: evidenceId, path: `/interviews/${interviewId}#q-3`, title: 'Evidence from Mei Chen' });
  });

  it('finds friction events, shadowing notes, interview notes and developers', async () => {
    const runner = await viewer.search.query({ text: 'runner label' });
    expect(runner.results.map((item) => [item.kind, item.path])).toEqual([['friction-event', `/shadowing/${sessionId}#event-${eventId}`]]);
    expect(runner.results[0].title).toBe('Dead end / error while shadowing Hana Sato');

    const yaml = await viewer.search.query({ text: 'reverse engineering YAML' });
    expect(yaml.results.map((item) => [item.kind, item.path])).toEqual([['session-notes', `/shadowing/${sessionId}#notes`]]);

    const namespaces = await viewer.search.query({ text: 'kubernetes namespace' });
    expect(namespaces.results.map((item) => [item.kind, item.path])).toEqual([['interview-notes', `/interviews/${interviewId}#notes`]]);

    const people = await viewer.search.query({ text: 'Mei' });
    expect(people.results.find((item) => item.kind === 'participant')).toMatchObject({ title: 'Mei Chen', context: 'Payments · SRE', path: `/directory/${mei.id}` });
  });

  it('filters by kind while still counting every kind', async () => {
    const result = await viewer.search.query({ text: 'search team', groups: ['friction'] });
    expect(result.results.every((item) => item.group === 'friction')).toBe(true);
    expect(result.totals.shadowing).toBe(1);
    expect(result.total).toBe(1);
  });

  it('supports quoted phrases and excluded words', async () => {
    expect((await viewer.search.query({ text: '"help desk"' })).total).toBe(1);
    expect((await viewer.search.query({ text: '"desk help"' })).total).toBe(0);
    expect((await viewer.search.query({ text: 'search -runner' })).results.map((item) => item.kind)).toEqual(['session-notes']);
  });

  it.each([
    ["tsquery syntax", `'&|!:*()`],
    ['operators around words', "finops & (week | !bill):* <-> 'x'"],
    ['unbalanced quotes and brackets', '"finops ((( week'],
    ['a backslash', 'finops\\ week'],
    ['1,000 characters', `finops ${'week '.repeat(198)}`.slice(0, 1000)],
    ['only stop words', 'the and of'],
    ['emoji and right-to-left text', '🔥 مرحبا finops'],
  ])('answers %s without an error', async (_label, text) => {
    const result = await viewer.search.query({ text });
    expect(Array.isArray(result.results)).toBe(true);
  });

  it('refuses a NUL in the search box with a message naming the field (DESIGN.md safety rules)', async () => {
    const error = await rejection(viewer.search.query({ text: 'finops \u0000 week' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('"text"');
  });

  it('searches each word once and at most 32 different words of a pasted paragraph', async () => {
    const paragraph = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    expect(await viewer.search.query({ text: paragraph })).toMatchObject({ total: 0, notice: 'Only the first 32 different words were searched.' });
    expect((await viewer.search.query({ text: 'finops '.repeat(100) })).total).toBe(2);
  });

  it('says when there is no word to search for', async () => {
    expect(await viewer.search.query({ text: '&|!:*()' })).toMatchObject({ hasWords: false, total: 0 });
    expect(await viewer.search.query({ text: '   ' })).toMatchObject({ hasWords: false, total: 0 });
    expect(await viewer.search.query({ text: 'zebra' })).toMatchObject({ hasWords: true, total: 0 });
  });

  it('refuses more than 1,000 characters with a clear message', async () => {
    const error = await rejection(viewer.search.query({ text: 'x'.repeat(1001) }));
    expect(error.message).toBe('text: Keep the search under 1,000 characters');
  });

  it('gives snippets as plain text parts, with no markup from the stored text', async () => {
    const editor = await callerWithRole(handle, 'editor');
    await editor.interviews.save({ id: interviewId, changes: [{ field: 'answer:1', base: '', value: '<b onclick="steal()">deployment</b> went fine <script>x()</script>' }] });
    const result = await viewer.search.query({ text: 'deployment' });
    const parts = result.results[0].snippet;
    expect(parts.find((part) => part.isMatch)?.text).toBe('deployment');
    expect(parts.map((part) => part.text).join('')).not.toMatch(/[<>]/);
  });
});
