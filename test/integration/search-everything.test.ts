// Search over the kinds added by issue 18: tickets, pain themes, roadmap requests, post-mortems and
// survey comments: counted per kind, highlighted, linked, and a survey comment never says who
// answered (no team, tenure or day). Bad input is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { submitSurveyResponse } from '@/server/surveys/service-responses';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
const ids = { ticket: '', theme: '', merged: '', request: '', postmortem: '', survey: '', question: '' };
const today = todayOf();

beforeAll(async () => {
  handle = await createTestDb();
  const editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  await addParticipant(handle, { name: 'Quinn Park', teamName: 'Payments' });
  const db = handle.db;
  ids.ticket = (
    await db
      .insertInto('tickets')
      .values({
        source: 'jira',
        external_key: 'OPS-412',
        title: 'Need a Kafka topic for the ledger service',
        title_norm: 'need a kafka topic for the ledger service',
        body: 'Waiting on the platform team to provision the topic; blocked for three days.',
        status: 'Done',
        requester_name: 'Quinn Park',
        requester_email: 'quinn@example.com',
        opened_at: new Date('2026-03-02T09:00:00Z'),
        content_hash: 'ops-412',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.theme = (await editor.themes.create({ title: 'Provisioning Kafka topics takes days', description: 'Every new topic is an ops ticket.' })).id;
  const merged = await editor.themes.create({ title: 'Kafka topic requests are slow', description: '' });
  ids.merged = merged.id;
  await db.updateTable('themes').set({ merged_into_id: ids.theme, status: 'archived' }).where('id', '=', merged.id).execute();
  ids.request = (
    await db
      .insertInto('roadmap_requests')
      .values({ title: 'Self-service Kafka topics', details: 'A form that creates a topic with sane defaults.', email: 'secret-submitter@example.com' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.postmortem = (
    await db
      .insertInto('postmortems')
      .values({
        external_key: 'PM-7',
        title: 'Ledger outage after a Kafka rebalance',
        summary: 'Consumers stalled for 40 minutes during a partition rebalance.',
        lessons: 'Alert on consumer lag.',
        severity: 'SEV2',
        incident_date: '2026-02-11',
        content_hash: 'pm-7',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), title: 'Platform pulse', opensOn: addDays(today, -1) });
  const survey = await editor.surveys.get({ id });
  ids.survey = id;
  ids.question = survey.questions[1].id;
  await submitSurveyResponse(handle.db, {
    slug: survey.slug,
    submission: { answers: { [survey.questions[0].id]: 4, [ids.question]: 'Getting a Kafka topic means a week of waiting.' }, team: 'Payments', tenureBand: '1-3y' },
    today,
  });
});
afterAll(async () => handle.close());

describe('search over tickets, themes, requests, post-mortems and survey comments', () => {
  it('counts every kind and links each result to its page, highlighted', async () => {
    const result = await viewer.search.query({ text: 'kafka topic' });
    expect(result.totals).toMatchObject({ ticket: 1, theme: 1, request: 1, postmortem: 0, survey: 1 });
    const byKind = Object.fromEntries(result.results.map((item) => [item.kind, item]));
    expect(byKind.ticket).toMatchObject({ title: 'OPS-412: Need a Kafka topic for the ledger service', path: `/tickets/${ids.ticket}`, date: '2026-03-02' });
    expect(byKind.ticket.context).toBe('Ticket from jira · Done');
    expect(byKind.theme).toMatchObject({ id: ids.theme, title: 'Provisioning Kafka topics takes days', path: `/themes/${ids.theme}` });
    expect(byKind.request).toMatchObject({ title: 'Self-service Kafka topics', path: `/manage/requests?request=${ids.request}` });
    for (const item of result.results) expect(item.snippet.some((part) => part.isMatch && /kafka/i.test(part.text))).toBe(true);

    const postmortems = await viewer.search.query({ text: 'rebalance', groups: ['postmortem'] });
    expect(postmortems.results).toHaveLength(1);
    expect(postmortems.results[0]).toMatchObject({ title: 'Ledger outage after a Kafka rebalance', path: `/postmortems/${ids.postmortem}`, date: '2026-02-11' });
    expect(postmortems.results[0].context).toBe('Post-mortem PM-7 · severity SEV2');
  });

  it('leaves out a theme merged into another (its words live on in the theme it joined)', async () => {
    const result = await viewer.search.query({ text: 'slow', groups: ['theme'] });
    expect(result.results.map((item) => item.id)).not.toContain(ids.merged);
  });

  it('shows a survey comment with its survey and question, never who answered or when', async () => {
    const result = await viewer.search.query({ text: 'week of waiting', groups: ['survey'] });
    expect(result.total).toBe(1);
    const [comment] = result.results;
    expect(comment).toMatchObject({ kind: 'survey-comment', group: 'survey', title: 'Survey comment in “Platform pulse”', date: null });
    expect(comment.context).toBe('Q2. What is the one thing we should improve?');
    expect(comment.path).toMatch(new RegExp(`^/surveys/${ids.survey}\\?tab=results&question=${ids.question}#answer-`));
    const shown = JSON.stringify(comment);
    for (const secret of ['Payments', '1-3y', today, 'Quinn']) expect(shown).not.toContain(secret);
  });

  it('never shows a request submitter’s or a ticket requester’s email', async () => {
    const result = await viewer.search.query({ text: 'kafka' });
    const shown = JSON.stringify(result);
    expect(shown).not.toContain('secret-submitter@example.com');
    expect(shown).not.toContain('quinn@example.com');
  });

  it('pages through every kind without overlap', async () => {
    const first = await viewer.search.query({ text: 'kafka', limit: 2, offset: 0 });
    const rest = await viewer.search.query({ text: 'kafka', limit: 50, offset: 2 });
    const seen = [...first.results, ...rest.results].map((item) => `${item.kind}:${item.id}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(first.total);
  });

  it('answers 400 naming the field for an over-long or NUL query', async () => {
    const long = await rejection(viewer.search.query({ text: 'kafka '.repeat(200) }));
    expect(long.code).toBe('BAD_REQUEST');
    expect(long.message).toBe('text: Keep the search under 1,000 characters');
    const nul = await rejection(viewer.search.query({ text: 'kafka\0topic' }));
    expect(nul.code).toBe('BAD_REQUEST');
    expect(nul.message).toContain('Field "text"');
  });
});

describe('search.jump (the command palette)', () => {
  it('finds themes, developers, interviews and tickets by name or key, each with its page', async () => {
    const editor = await callerWithRole(handle, 'editor');
    const quinn = await handle.db.selectFrom('participants').select('id').where('display_name', '=', 'Quinn Park').executeTakeFirstOrThrow();
    const interview = await editor.interviews.create({ participantId: quinn.id, interviewedOn: '2026-02-03' });
    const byName = await viewer.search.jump({ text: 'quinn' });
    expect(byName.targets.map((target) => [target.kind, target.label, target.path])).toEqual([
      ['developer', 'Quinn Park', `/directory/${quinn.id}`],
      ['interview', 'Interview with Quinn Park', `/interviews/${interview.id}`],
    ]);
    const byKey = await viewer.search.jump({ text: 'ops-412' });
    expect(byKey.targets).toEqual([expect.objectContaining({ kind: 'ticket', label: 'OPS-412: Need a Kafka topic for the ledger service', path: `/tickets/${ids.ticket}` })]);
    const themes = await viewer.search.jump({ text: 'kafka provisioning' });
    expect(themes.targets.filter((target) => target.kind === 'theme').map((target) => target.path)).toEqual([`/themes/${ids.theme}`]);
    // LIKE wildcards are read as the characters typed.
    expect((await viewer.search.jump({ text: '%' })).targets).toEqual([]);
    expect((await viewer.search.jump({ text: '   ' })).targets).toEqual([]);
  });

  it('answers 400 naming the field for an over-long or NUL text', async () => {
    expect((await rejection(viewer.search.jump({ text: 'x'.repeat(201) }))).message).toBe('text: Keep it under 200 characters');
    expect((await rejection(viewer.search.jump({ text: 'quinn\0' }))).message).toContain('Field "text"');
  });
});
