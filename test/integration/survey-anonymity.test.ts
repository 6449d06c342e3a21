// Survey anonymity against the people who run the workspace (issue 15, failure 3): nothing
// stored links a response to an invitation, a client address or a time finer than the day. The
// test looks for each link an admin with the database could follow: transaction ids (xmin) shared
// or ordered with invitation use, rate-limit keys naming the client, columns finer than the day,
// and the public form telling a used invitation from an unused one.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { sweepEndedWindows } from '@/server/rate-limit/service';
import { addDays, quarterlyTemplate, todayOf } from '@/server/surveys/rules';
import { submitSurveyResponse } from '@/server/surveys/service-responses';
import { postSurveyResponse } from '@/server/surveys/rest';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { addParticipant } from '@/test/helpers/fixtures';
import { jsonPost, restContextAs } from '@/test/helpers/rest';

let handle: DbHandle;
let editor: Awaited<ReturnType<typeof callerWithRole>>;
const today = todayOf();

beforeAll(async () => {
  handle = await createTestDb();
  editor = await callerWithRole(handle, 'editor');
});
afterAll(async () => handle.close());

async function xminsOf(table: 'survey_invitations' | 'survey_responses', surveyId: string): Promise<string[]> {
  const result = await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)} where survey_id = ${surveyId}`.execute(handle.db);
  return result.rows.map((row) => row.x);
}

describe('an invited answer', () => {
  it('leaves no transaction id, rate-limit key or time that links it to its invitation or its client', async () => {
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dev']) await addParticipant(handle, { name, teamName: 'Anonymity team' });
    const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), quarter: '2030-Q1', opensOn: addDays(today, -1), access: 'invitation' });
    const survey = await editor.surveys.get({ id });
    const { invitations } = await editor.surveys.createInvitations({ id, teamId: null });
    const tokens = invitations.map((invitation) => new URL(invitation.link).searchParams.get('i')!);
    const answer = { [survey.questions[0].id]: 8 };

    const unusedForm = await editor.surveys.publicForm({ slug: survey.slug, invitation: tokens[0] });
    const address = '203.0.113.77';
    const now = new Date();
    for (const token of tokens.slice(0, 2)) {
      const request = jsonPost(`/api/v1/surveys/${survey.slug}/responses`, { answers: answer, invitation: token });
      expect((await postSurveyResponse(restContextAs(handle.db, address, request), survey.slug)).status).toBe(201);
    }

    // Transaction ids: no invitation row shares one with a response, and every invitation carries
    // the same one, so their order of use cannot be lined up with the responses' order.
    const invitationXmins = await xminsOf('survey_invitations', id);
    const responseXmins = await xminsOf('survey_responses', id);
    expect(responseXmins).toHaveLength(2);
    expect(invitationXmins.filter((xmin) => responseXmins.includes(xmin))).toEqual([]);
    expect(new Set(invitationXmins).size).toBe(1);

    // The public form says the same of a used invitation as of an unused one.
    expect(await editor.surveys.publicForm({ slug: survey.slug, invitation: tokens[0] })).toEqual(unusedForm);
    expect((await editor.surveys.publicForm({ slug: survey.slug, invitation: tokens[3] })).state).toBe('open');

    // Rate-limit keys: the client's address is never stored as such, and its window is deleted
    // once the window ends.
    const buckets = await handle.db.selectFrom('rate_limits').select('bucket').execute();
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.filter((row) => row.bucket.includes(address))).toEqual([]);
    await sweepEndedWindows(handle.db, new Date(now.getTime() + 61_000));
    expect(await handle.db.selectFrom('rate_limits').select('bucket').execute()).toEqual([]);

    // Responses and answers keep no time finer than the day and no sequence number.
    const columns = await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>`
      select table_name, column_name, data_type, column_default from information_schema.columns
      where table_name in ('survey_responses', 'survey_answers', 'survey_invitations') and table_schema = current_schema()`.execute(handle.db);
    expect(columns.rows.filter((column) => /time/.test(column.data_type)).map((column) => column.column_name)).toEqual([]);
    expect(columns.rows.filter((column) => column.column_default?.includes('nextval')).map((column) => column.column_name)).toEqual([]);
    const stored = await handle.db.selectFrom('survey_responses').select(['submitted_on']).where('survey_id', '=', id).execute();
    expect(stored.map((row) => String(row.submitted_on))).toEqual([today, today]);
  });

  it('gives the invitation back when the answer could not be stored', async () => {
    await addParticipant(handle, { name: 'Eve', teamName: 'Retry team' });
    const team = await handle.db.selectFrom('teams').select('id').where('name', '=', 'Retry team').executeTakeFirstOrThrow();
    const { id } = await editor.surveys.create({ ...quarterlyTemplate(today), quarter: '2030-Q2', opensOn: addDays(today, -1), access: 'invitation' });
    const survey = await editor.surveys.get({ id });
    const { invitations } = await editor.surveys.createInvitations({ id, teamId: team.id });
    const token = new URL(invitations[0].link).searchParams.get('i')!;
    const answer = { [survey.questions[0].id]: 8 };

    // A constraint the answer breaks makes the insert fail after the invitation was marked.
    await sql`alter table survey_answers add constraint fail_once check (score <> 8) not valid`.execute(handle.db);
    await expect(submitSurveyResponse(handle.db, { slug: survey.slug, submission: { answers: answer, invitation: token }, today })).rejects.toThrow();
    await sql`alter table survey_answers drop constraint fail_once`.execute(handle.db);
    expect((await editor.surveys.get({ id })).invitations).toEqual({ invited: 1, used: 0 });
    await submitSurveyResponse(handle.db, { slug: survey.slug, submission: { answers: answer, invitation: token }, today });
    expect((await editor.surveys.get({ id })).invitations).toEqual({ invited: 1, used: 1 });
  });
});
