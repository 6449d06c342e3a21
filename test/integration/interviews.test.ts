// Interviews and guides: recording from the default discovery guide, autosave with conflict
// detection between two tabs, evidence from an answer or the notes, and the bad inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerWithRole, createUser, callerAs } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { namedMessage } from '@/test/helpers/named-error';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let ada: { id: string };
let archived: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
  viewer = await callerWithRole(handle, 'viewer');
  ada = await addParticipant(handle, { name: 'Ada Okafor', teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
  archived = await addParticipant(handle, { name: 'Old Timer', teamName: 'Payments', isArchived: true });
});
afterAll(async () => handle.close());

const countInterviews = async () => (await handle.db.selectFrom('interviews').select('id').execute()).length;
const today = () => new Date().toISOString().slice(0, 10);

async function newInterview() {
  return editor.interviews.create({ participantId: ada.id, interviewedOn: '2026-01-15' });
}

describe('interview guides', () => {
  it('starts with the default discovery guide and its five questions', async () => {
    const guides = await viewer.interviews.guides.list();
    const guide = guides.find((candidate) => candidate.isDefault)!;
    expect(guide.questions.map((question) => question.prompt)).toEqual([
      'Walk me through the last time you deployed a service.',
      'What took longer than you expected?',
      'What did you have to ask someone else for help with?',
      'What do you do differently than what the official documentation says you should do?',
      'What would let you move twice as fast?',
    ]);
  });

  it('lets an editor make, reorder and delete another guide; the default stays as it is', async () => {
    const guide = await editor.interviews.guides.create({ title: 'Onboarding follow-up', questions: ['What blocked you in week one?', 'Who helped you most?'] });
    await editor.interviews.guides.update({ id: guide.id, title: 'Onboarding follow-up', questions: ['Who helped you most?', 'What blocked you in week one?', 'What is still unclear?'] });
    const saved = (await editor.interviews.guides.list()).find((candidate) => candidate.id === guide.id)!;
    expect(saved.questions.map((question) => question.prompt)).toEqual(['Who helped you most?', 'What blocked you in week one?', 'What is still unclear?']);

    const fixed = (await editor.interviews.guides.list()).find((candidate) => candidate.isDefault)!;
    const error = await rejection(editor.interviews.guides.update({ id: fixed.id, title: 'Mine now', questions: ['Anything?'] }));
    expect(error.message).toMatch(/default discovery guide stays as it is/);
    await rejection(editor.interviews.guides.delete({ id: fixed.id }));

    // An interview keeps its own copy of the questions when its guide changes or goes.
    const interview = await editor.interviews.create({ participantId: ada.id, interviewedOn: '2026-01-10', guideId: guide.id });
    await editor.interviews.guides.delete({ id: guide.id });
    const kept = await editor.interviews.get({ id: interview.id });
    expect(kept.answers.map((answer) => answer.prompt)).toEqual(['Who helped you most?', 'What blocked you in week one?', 'What is still unclear?']);
    expect(kept.guideTitle).toBe('Onboarding follow-up');
  });

  it.each([
    ['an empty title', { title: '  ', questions: ['Why?'] }, /^title: Give the guide a title/],
    ['no questions', { title: 'Empty', questions: [] }, /^questions: A guide needs at least one question/],
    ['an empty question', { title: 'Gaps', questions: ['Why?', ' '] }, /A question is empty/],
    ['31 questions', { title: 'Long', questions: Array.from({ length: 31 }, (_, i) => `Question ${i}`) }, /at most 30 questions/],
  ])('refuses a guide with %s', async (_label, input, message) => {
    const before = (await editor.interviews.guides.list()).length;
    const error = await rejection(editor.interviews.guides.create(input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(namedMessage(error)).toMatch(message);
    expect(await editor.interviews.guides.list()).toHaveLength(before);
  });
});

describe('recording an interview', () => {
  it('copies the default guide into a draft with today as the default interviewer', async () => {
    const created = await editor.interviews.create({ participantId: ada.id, interviewedOn: today() });
    const interview = await viewer.interviews.get({ id: created.id });
    expect(interview).toMatchObject({ status: 'draft', participantName: 'Ada Okafor', teamName: 'Payments', guideTitle: 'Discovery interview', notes: '' });
    expect(interview.answers).toHaveLength(5);
    expect(interview.answers[1]).toMatchObject({ position: 2, prompt: 'What took longer than you expected?', body: '' });
  });

  it.each([
    ['a missing developer', () => ({ participantId: '00000000-0000-4000-8000-000000000000', interviewedOn: '2026-01-15' }), /^participantId: This developer is not in the directory/],
    ['an archived developer', () => ({ participantId: archived.id, interviewedOn: '2026-01-15' }), /^participantId: Old Timer is archived/],
    ['no developer', () => ({ participantId: '', interviewedOn: '2026-01-15' }), /^participantId: Pick the developer you interviewed/],
    ['a date that is not a date', () => ({ participantId: ada.id, interviewedOn: '2026-02-30' }), /^interviewedOn: Use a date like/],
    ['a date in the future', () => ({ participantId: ada.id, interviewedOn: '2999-01-01' }), /^interviewedOn: The interview date is in the future/],
    ['a missing guide', () => ({ participantId: ada.id, interviewedOn: '2026-01-15', guideId: '00000000-0000-4000-8000-000000000000' }), /^guideId: This interview guide no longer exists/],
    ['a missing interviewer', () => ({ participantId: ada.id, interviewedOn: '2026-01-15', interviewerId: '00000000-0000-4000-8000-000000000000' }), /^interviewerId: This interviewer is no longer/],
  ])('refuses %s and writes nothing', async (_label, input, message) => {
    const before = await countInterviews();
    const error = await rejection(editor.interviews.create(input()));
    expect(error.code).toBe('BAD_REQUEST');
    expect(namedMessage(error)).toMatch(message);
    expect(await countInterviews()).toBe(before);
  });

  it('keeps HTML and script as text', async () => {
    const { id } = await newInterview();
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)> **bold**';
    await editor.interviews.save({ id, changes: [{ field: 'answer:1', base: '', value: script }, { field: 'notes', base: '', value: script }] });
    const saved = await editor.interviews.get({ id });
    expect(saved.answers[0].body).toBe(script);
    expect(saved.notes).toBe(script);

    const guide = await editor.interviews.guides.create({ title: '<b>Guide</b><script>x()</script>', questions: ['<img src=x onerror=alert(1)> why?'] });
    const stored = (await editor.interviews.guides.list()).find((candidate) => candidate.id === guide.id)!;
    expect(stored.title).toBe('<b>Guide</b><script>x()</script>');
    expect(stored.questions[0].prompt).toBe('<img src=x onerror=alert(1)> why?');
  });

  it('lists interviews with their progress and filters by status', async () => {
    const { id } = await newInterview();
    await editor.interviews.save({ id, changes: [{ field: 'answer:2', base: '', value: 'Waiting for a database.' }, { field: 'status', base: 'draft', value: 'complete' }] });
    const complete = await viewer.interviews.list({ status: 'complete' });
    expect(complete.rows.find((row) => row.id === id)).toMatchObject({ status: 'complete', answeredCount: 1, questionCount: 5, participantName: 'Ada Okafor' });
    expect((await viewer.interviews.list({ status: 'draft' })).rows.some((row) => row.id === id)).toBe(false);
  });
});

describe('autosave between two tabs', () => {
  it('saves changes whose base is still stored', async () => {
    const { id } = await newInterview();
    const result = await editor.interviews.save({ id, changes: [{ field: 'answer:1', base: '', value: 'Merge, wait for Jenkins, open a CR.' }] });
    expect(result.conflicts).toEqual([]);
    expect(result.interview.answers[0].body).toBe('Merge, wait for Jenkins, open a CR.');
  });

  it('merges two tabs editing different answers', async () => {
    const { id } = await newInterview();
    const otherTab = callerAs(handle, await createUser(handle, 'editor'));
    await editor.interviews.save({ id, changes: [{ field: 'answer:1', base: '', value: 'Tab one' }] });
    const result = await otherTab.interviews.save({ id, changes: [{ field: 'answer:2', base: '', value: 'Tab two' }] });
    expect(result.conflicts).toEqual([]);
    expect(result.interview.answers.slice(0, 2).map((answer) => answer.body)).toEqual(['Tab one', 'Tab two']);
  });

  it('refuses the later save of the same answer and tells whose version is stored', async () => {
    const { id } = await newInterview();
    await editor.interviews.save({ id, changes: [{ field: 'answer:2', base: '', value: 'First tab: two days for a database' }] });
    // The second tab still believes the answer is empty.
    const result = await editor.interviews.save({
      id,
      changes: [
        { field: 'answer:2', base: '', value: 'Second tab: staging was down' },
        { field: 'notes', base: '', value: 'Notes from the second tab' },
      ],
    });
    expect(result.conflicts).toEqual([
      { field: 'answer:2', label: 'the answer to question 2', theirs: 'First tab: two days for a database', yours: 'Second tab: staging was down' },
    ]);
    // The conflicting answer is not overwritten; the other field of the same save is kept.
    expect(result.interview.answers[1].body).toBe('First tab: two days for a database');
    expect(result.interview.notes).toBe('Notes from the second tab');

    // Choosing "keep mine" sends again with the stored version as the base.
    const resolved = await editor.interviews.save({ id, changes: [{ field: 'answer:2', base: 'First tab: two days for a database', value: 'Second tab: staging was down' }] });
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.interview.answers[1].body).toBe('Second tab: staging was down');
  });

  it('treats a save of what is already stored as no conflict (a retry after a lost connection)', async () => {
    const { id } = await newInterview();
    await editor.interviews.save({ id, changes: [{ field: 'notes', base: '', value: 'Typed offline' }] });
    const retry = await editor.interviews.save({ id, changes: [{ field: 'notes', base: '', value: 'Typed offline' }] });
    expect(retry.conflicts).toEqual([]);
  });

  it('detects a conflict on the details too', async () => {
    const { id } = await newInterview();
    await editor.interviews.save({ id, changes: [{ field: 'interviewedOn', base: '2026-01-15', value: '2026-01-16' }] });
    const result = await editor.interviews.save({ id, changes: [{ field: 'interviewedOn', base: '2026-01-15', value: '2026-01-14' }] });
    expect(result.conflicts).toMatchObject([{ field: 'interviewedOn', theirs: '2026-01-16', yours: '2026-01-14' }]);
  });

  it.each([
    ['an answer the guide does not have', { field: 'answer:9', base: '', value: 'x' }, /^answer:9: This interview has no question 9/],
    ['an unknown field', { field: 'participant_id', base: '', value: 'x' }, /not a field of an interview/],
    ['an archived developer', () => ({ field: 'participantId', base: ada.id, value: archived.id }), /Old Timer is archived/],
    ['a status that does not exist', { field: 'status', base: 'draft', value: 'published' }, /Choose draft or complete/],
    ['a date in the future', { field: 'interviewedOn', base: '2026-01-15', value: '2999-12-31' }, /in the future/],
    ['an answer of 50,001 characters', { field: 'answer:1', base: '', value: 'x'.repeat(50_001) }, /under 50,000 characters/],
  ])('refuses %s and changes nothing', async (_label, change, message) => {
    const { id } = await newInterview();
    const resolved = typeof change === 'function' ? change() : change;
    const error = await rejection(editor.interviews.save({ id, changes: [{ field: 'notes', base: '', value: 'also in this save' }, resolved] }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(namedMessage(error)).toMatch(message);
    const stored = await editor.interviews.get({ id });
    expect(stored.notes).toBe('');
    expect(stored.participantId).toBe(ada.id);
  });

  it('says so when the interview was deleted in another tab', async () => {
    const { id } = await newInterview();
    await editor.interviews.delete({ id });
    const error = await rejection(editor.interviews.save({ id, changes: [{ field: 'notes', base: '', value: 'lost?' }] }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('refuses viewers', async () => {
    const { id } = await newInterview();
    expect((await rejection(viewer.interviews.save({ id, changes: [{ field: 'notes', base: '', value: 'x' }] }))).code).toBe('FORBIDDEN');
  });
});

describe('evidence from an interview', () => {
  it('saves words of an answer, as typed or as rendered, with a link to the question', async () => {
    const { id } = await newInterview();
    await editor.interviews.save({
      id,
      changes: [
        { field: 'answer:2', base: '', value: 'Most weeks I lose **half a day per deploy** to waiting for approvals.' },
        { field: 'notes', base: '', value: 'She estimates _two full days_ for a new service.' },
      ],
    });
    const fromRendered = await editor.evidence.create({ sourceKind: 'interview', sourceId: id, anchor: 'q-2', excerpt: 'lose half a day per deploy to waiting', minutesLost: 240 });
    const fromNotes = await editor.evidence.create({ sourceKind: 'interview', sourceId: id, anchor: 'notes', excerpt: 'two full days for a new service', severity: 4 });
    expect(await editor.evidence.get({ id: fromRendered.id })).toMatchObject({
      sourcePath: `/interviews/${id}#q-2`,
      participantId: ada.id,
      observedOn: '2026-01-15',
    });
    expect((await editor.evidence.get({ id: fromNotes.id }))?.sourcePath).toBe(`/interviews/${id}#notes`);
  });

  it.each([
    ['an empty excerpt', { anchor: 'q-1', excerpt: '  ' }, /The excerpt is empty/],
    ['words from another answer', { anchor: 'q-1', excerpt: 'half a day' }, /must be words from the source/],
    ['a question the interview does not have', { anchor: 'q-7', excerpt: 'half a day' }, /must be words from the source/],
    ['negative minutes', { anchor: 'q-2', excerpt: 'half a day', minutesLost: -1 }, /cannot be negative/],
    ['more than a month of minutes', { anchor: 'q-2', excerpt: 'half a day', minutesLost: 43_201 }, /More than a month/],
  ])('refuses %s', async (_label, input, message) => {
    const { id } = await newInterview();
    await editor.interviews.save({ id, changes: [{ field: 'answer:2', base: '', value: 'I lose half a day per deploy.' }] });
    const before = (await handle.db.selectFrom('evidence').select('id').execute()).length;
    const error = await rejection(editor.evidence.create({ sourceKind: 'interview', sourceId: id, ...input }));
    expect(namedMessage(error)).toMatch(message);
    expect((await handle.db.selectFrom('evidence').select('id').execute()).length).toBe(before);
  });

  it('deletes the evidence of an interview with it', async () => {
    const { id } = await newInterview();
    await editor.interviews.save({ id, changes: [{ field: 'answer:3', base: '', value: 'I asked the DBA team in Slack.' }] });
    await editor.evidence.create({ sourceKind: 'interview', sourceId: id, anchor: 'q-3', excerpt: 'asked the DBA team' });
    expect(await editor.interviews.delete({ id })).toEqual({ evidenceRemoved: 1 });
    expect((await editor.evidence.list({ sourceKinds: ['interview'], sourceId: id })).total).toBe(0);
  });
});
