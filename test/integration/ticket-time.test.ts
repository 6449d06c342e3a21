// Ticket time by rule: per-category "each ticket costs N minutes", the options the
// cluster-to-evidence dialog offers (no time, the rule, minutes typed, working hours of the wait)
// with the wait as context, a rule's change carried to the evidence it priced, and bad input.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { callerAs, callerWithRole, createUser } from '@/test/helpers/callers';
import { createTestDb } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

let handle: DbHandle;
let editor: ReturnType<typeof callerAs>;
let viewer: Awaited<ReturnType<typeof callerWithRole>>;
let ids: { access: string[]; general: string };

let counter = 0;
async function addTicket(values: { title: string; category: string | null; openedAt: string; resolvedAt: string | null; participantId: string }) {
  counter += 1;
  return (
    await handle.db
      .insertInto('tickets')
      .values({
        source: 'jira',
        external_key: `HELP-${counter}`,
        title: values.title,
        title_norm: values.title.toLowerCase(),
        status: 'Done',
        export_category: values.category,
        category: values.category,
        requester_name: null,
        requester_email: null,
        participant_id: values.participantId,
        opened_at: new Date(`${values.openedAt}Z`),
        resolved_at: values.resolvedAt ? new Date(`${values.resolvedAt}Z`) : null,
        content_hash: `hash-${counter}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

beforeAll(async () => {
  handle = await createTestDb();
  editor = callerAs(handle, await createUser(handle, 'editor', 'Priya Platform'));
  viewer = await callerWithRole(handle, 'viewer');
  const ada = await addParticipant(handle, { name: 'Ada' });
  const bo = await addParticipant(handle, { name: 'Bo' });
  // 2026-11-30 is a Monday: Monday to Wednesday evening, and one Monday morning.
  ids = {
    access: [
      await addTicket({ title: 'Need access to the staging database', category: 'Access', openedAt: '2026-11-30T09:00:00', resolvedAt: '2026-12-02T17:00:00', participantId: ada.id }),
      await addTicket({ title: 'Access to the staging database please', category: 'Access', openedAt: '2026-11-30T09:00:00', resolvedAt: '2026-11-30T12:00:00', participantId: bo.id }),
    ],
    general: await addTicket({ title: 'Staging database access is slow', category: null, openedAt: '2026-11-30T09:00:00', resolvedAt: '2026-12-03T09:00:00', participantId: bo.id }),
  };
});
afterAll(async () => handle.close());
afterEach(async () => {
  await handle.db.deleteFrom('evidence').execute();
  await handle.db.deleteFrom('themes').execute();
  await handle.db.deleteFrom('ticket_category_costs').execute();
});

const minutesOf = async () =>
  new Map(
    (await handle.db.selectFrom('evidence').select(['source_id', 'minutes_lost', 'minutes_origin', 'kind']).execute()).map((row) => [
      row.source_id,
      [row.minutes_lost === null ? null : Number(row.minutes_lost), row.minutes_origin],
    ]),
  );

describe('category rules: each ticket costs N minutes', () => {
  it('are set, listed and removed where categories are managed', async () => {
    await editor.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 45 });
    await editor.tickets.setCategoryCost({ category: 'Uncategorized', minutesPerTicket: 10 });
    expect((await viewer.tickets.categoryCosts()).map((row) => [row.category, row.minutesPerTicket, row.updatedByName])).toEqual([
      ['Access', 45, 'Priya Platform'],
      ['Uncategorized', 10, 'Priya Platform'],
    ]);
    await editor.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 30 });
    await editor.tickets.removeCategoryCost({ category: 'Uncategorized' });
    expect((await viewer.tickets.categoryCosts()).map((row) => [row.category, row.minutesPerTicket])).toEqual([['Access', 30]]);
    expect((await rejection(editor.tickets.removeCategoryCost({ category: 'Uncategorized' }))).code).toBe('NOT_FOUND');
  });

  it.each([
    ['negative minutes', { category: 'Access', minutesPerTicket: -1 }, /^minutesPerTicket: Minutes lost cannot be negative/],
    ['more than a month', { category: 'Access', minutesPerTicket: 43_201 }, /^minutesPerTicket: More than a month/],
    ['fractions of a minute', { category: 'Access', minutesPerTicket: 4.5 }, /^minutesPerTicket: Enter whole minutes/],
    ['no category', { category: '  ', minutesPerTicket: 45 }, /^category: Choose the category/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, input, message) => {
    expect((await rejection(editor.tickets.setCategoryCost(input))).message).toMatch(message);
    expect(await viewer.tickets.categoryCosts()).toEqual([]);
  });

  it('keeps a viewer out', async () => {
    expect((await rejection(viewer.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 45 }))).code).toBe('FORBIDDEN');
  });
});

describe('turning tickets into evidence', () => {
  it('shows the wait as context and what each option would give', async () => {
    await editor.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 45 });
    const options = await viewer.tickets.timeOptions({ ticketIds: [...ids.access, ids.general] });
    // Waits: 2 d 8 h, 3 h, 3 d: the median ticket waited 2 days (56 h).
    expect(options).toMatchObject({ tickets: 3, waitText: 'waited 2 days', ticketsWithRule: 2, medianWorkingMinutes: 1440 });
    expect(options.categories).toEqual([
      { category: 'Access', minutesPerTicket: 45, tickets: 2 },
      { category: 'Uncategorized', minutesPerTicket: null, tickets: 1 },
    ]);
  });

  it('gives no time unless asked, the category rule, the minutes typed, or the working hours of the wait', async () => {
    await editor.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 45 });
    const all = [...ids.access, ids.general];

    await editor.tickets.toEvidence({ ticketIds: all, newThemeTitle: 'Staging access takes days' });
    expect([...(await minutesOf()).values()]).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    await handle.db.deleteFrom('evidence').execute();

    await editor.tickets.toEvidence({ ticketIds: all, newThemeTitle: 'Staging access takes days', timeChoice: 'category_rule' });
    let minutes = await minutesOf();
    expect(ids.access.map((id) => minutes.get(id))).toEqual([
      [45, 'category_rule'],
      [45, 'category_rule'],
    ]);
    expect(minutes.get(ids.general)).toEqual([null, null]); // no rule for its category: no time
    await handle.db.deleteFrom('evidence').execute();

    await editor.tickets.toEvidence({ ticketIds: all, newThemeTitle: 'Staging access takes days', timeChoice: 'entered', minutesLost: 20 });
    expect([...(await minutesOf()).values()].every(([value, origin]) => value === 20 && origin === 'entered')).toBe(true);
    await handle.db.deleteFrom('evidence').execute();

    await editor.tickets.toEvidence({ ticketIds: all, newThemeTitle: 'Staging access takes days', timeChoice: 'working_hours' });
    minutes = await minutesOf();
    // Monday 09:00 to Wednesday 17:00 = 3 working days of 8 h; 3 hours on Monday; Monday 09:00 to Thursday 09:00 = 8 + 8 + 8 + 8 h.
    expect([minutes.get(ids.access[0]), minutes.get(ids.access[1]), minutes.get(ids.general)]).toEqual([
      [1440, 'working_hours'],
      [180, 'working_hours'],
      [1920, 'working_hours'],
    ]);
  });

  it('refuses "minutes typed" without minutes, and writes nothing', async () => {
    const error = await rejection(editor.tickets.toEvidence({ ticketIds: ids.access, newThemeTitle: 'Staging access takes days', timeChoice: 'entered' }));
    expect(error.message).toMatch(/Enter the minutes lost per ticket/);
    expect((error.cause as { field?: string }).field).toBe('minutesLost');
    expect(await handle.db.selectFrom('evidence').select('id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('themes').select('id').execute()).toEqual([]);
  });

  it('carries a changed or removed rule to the evidence it priced, with history, and leaves typed minutes alone', async () => {
    await editor.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 45 });
    await editor.tickets.toEvidence({ ticketIds: [ids.access[0]], newThemeTitle: 'Staging access takes days', timeChoice: 'category_rule' });
    await editor.tickets.toEvidence({ ticketIds: [ids.access[1]], newThemeTitle: 'Access by hand', timeChoice: 'entered', minutesLost: 45 });
    const scoreBefore = (await viewer.inventory.view({})).themes.find((theme) => theme.title === 'Staging access takes days')!.score;

    expect(await editor.tickets.setCategoryCost({ category: 'Access', minutesPerTicket: 90 })).toMatchObject({ evidenceUpdated: 1 });
    let minutes = await minutesOf();
    expect([minutes.get(ids.access[0]), minutes.get(ids.access[1])]).toEqual([
      [90, 'category_rule'],
      [45, 'entered'],
    ]);
    const scoreAfter = (await viewer.inventory.view({})).themes.find((theme) => theme.title === 'Staging access takes days')!.score;
    expect(scoreAfter).not.toBe(scoreBefore);
    const [item] = await handle.db.selectFrom('evidence').select('id').where('source_id', '=', ids.access[0]).execute();
    expect((await viewer.evidence.history({ id: item.id })).map((row) => [row.field, row.from, row.to, row.changedBy])).toEqual([
      ['minutes_lost', '45 min', '90 min', 'Priya Platform'],
    ]);

    expect(await editor.tickets.removeCategoryCost({ category: 'Access' })).toEqual({ evidenceUpdated: 1 });
    minutes = await minutesOf();
    expect([minutes.get(ids.access[0]), minutes.get(ids.access[1])]).toEqual([
      [null, null],
      [45, 'entered'],
    ]);
  });
});
