// Evidence kinds (recurring estimate or single occurrence): migration 0700's backfill of existing
// evidence (a ticket's wait is not time a person entered), and the kind rules at the boundary.
import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/db/create-db';
import { migrateToLatest } from '@/db/migrator';
import { migrations } from '@/db/migrations';
import type { AppError } from '@/server/errors';
import { callerWithRole } from '@/test/helpers/callers';
import { createTestDb, dbKind } from '@/test/helpers/db';
import { rejection } from '@/test/helpers/errors';
import { addParticipant } from '@/test/helpers/fixtures';

/** A database migrated up to (and including) `last`, as one would have been before migration 0700. */
async function createDbAt(last: string): Promise<{ handle: DbHandle; schema?: string }> {
  if (dbKind === 'pglite') {
    const handle = await createDb({ kind: 'pglite' });
    await migrateTo(handle, last);
    return { handle };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `m_${randomBytes(6).toString('hex')}`;
  const admin = await createDb({ kind: 'postgres', url, poolSize: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const handle = await createDb({ kind: 'postgres', url, searchPath: `${schema},public`, poolSize: 2 });
  await migrateTo(handle, last, schema);
  return {
    handle: {
      ...handle,
      close: async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
        await handle.close();
      },
    },
    schema,
  };
}

async function migrateTo(handle: DbHandle, last: string, schema?: string) {
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  const { error } = await migrator.migrateTo(last);
  if (error) throw error;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('migration 0700: the kind and the origin of minutes of existing evidence', () => {
  it('backfills the kind by source, and takes a ticket’s wait away unless a person entered the minutes', async () => {
    const { handle, schema } = await createDbAt('0630-delivery-changes');
    try {
      const db = handle.db;
      const ana = await addParticipant(handle, { name: 'Ana' });
      const ticket = async (key: string, openedAt: string, resolvedAt: string | null) =>
        (
          await db
            .insertInto('tickets')
            .values({
              source: 'csv',
              external_key: key,
              title: `Ticket ${key}`,
              title_norm: `ticket ${key}`,
              participant_id: ana.id,
              opened_at: new Date(openedAt),
              resolved_at: resolvedAt ? new Date(resolvedAt) : null,
              content_hash: key,
            } as never)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const resolved = await ticket('R', '2026-01-05T09:00:00Z', '2026-01-08T09:00:00Z'); // waited 4,320 minutes
      const stillOpen = await ticket('O', new Date(Date.now() - 2 * 86_400_000).toISOString(), null); // waiting 2,880 minutes so far
      const entered = await ticket('E', '2026-02-01T09:00:00Z', '2026-02-01T19:00:00Z'); // waited 600, the PM entered 45
      const long = await ticket('L', '2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z'); // waited more than a month: capped
      const evidence = async (sourceKind: string, sourceId: string, values: { minutes?: number; rate?: number; severity?: number }) =>
        (
          await db
            .insertInto('evidence')
            .values({
              source_kind: sourceKind,
              source_id: sourceId,
              source_path: `/x/${sourceId}`,
              excerpt: 'friction',
              participant_id: ana.id,
              minutes_lost: values.minutes ?? null,
              occurrences_per_month: values.rate ?? 1,
              severity: values.severity ?? null,
            } as never)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const ids = {
        resolvedWait: await evidence('ticket', resolved, { minutes: 4320 }),
        openWait: await evidence('ticket', stillOpen, { minutes: 2880 }),
        enteredTicket: await evidence('ticket', entered, { minutes: 45 }),
        cappedWait: await evidence('ticket', long, { minutes: 43_200 }),
        severityTicket: await evidence('ticket', entered, { severity: 2 }),
        interview: await evidence('interview', uuid(1), { minutes: 30, rate: 4 }),
        survey: await evidence('survey', uuid(2), { severity: 3 }),
        request: await evidence('request', uuid(3), {}),
        frictionEvent: await evidence('shadowing', uuid(4), { minutes: 90 }),
        frictionWithRate: await evidence('shadowing', uuid(5), { minutes: 10, rate: 3 }),
        postmortem: await evidence('postmortem', uuid(6), { severity: 4 }),
        rating: await evidence('rating', uuid(7), {}),
      };

      await migrateToLatest(db, { schema });

      const rows = await db.selectFrom('evidence').select(['id', 'kind', 'minutes_lost', 'minutes_origin', 'occurrences_per_month', 'severity']).execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      const of = (id: string) => {
        const row = byId.get(id)!;
        return [row.kind, row.minutes_lost, row.minutes_origin, row.occurrences_per_month];
      };
      expect(of(ids.resolvedWait)).toEqual(['single', null, null, 1]);
      expect(of(ids.openWait)).toEqual(['single', null, null, 1]);
      expect(of(ids.cappedWait)).toEqual(['single', null, null, 1]);
      expect(of(ids.enteredTicket)).toEqual(['single', 45, 'entered', 1]);
      expect(of(ids.severityTicket)).toEqual(['single', null, null, 1]);
      expect(byId.get(ids.severityTicket)!.severity).toBe(2);
      expect(of(ids.interview)).toEqual(['recurring', 30, 'entered', 4]);
      expect(of(ids.survey)).toEqual(['recurring', null, null, 1]);
      expect(of(ids.request)).toEqual(['recurring', null, null, 1]);
      expect(of(ids.frictionEvent)).toEqual(['single', 90, 'entered', 1]);
      expect(of(ids.frictionWithRate)).toEqual(['recurring', 10, 'entered', 3]);
      expect(of(ids.postmortem)).toEqual(['single', null, null, 1]);
      expect(of(ids.rating)).toEqual(['single', null, null, 1]);

      // Writers that do not say get the same defaults; a single occurrence cannot carry a rate.
      const later = await evidence('ticket', resolved, { minutes: 30 });
      const [written] = await db.selectFrom('evidence').select(['kind', 'minutes_origin']).where('id', '=', later).execute();
      expect(written).toEqual({ kind: 'single', minutes_origin: 'entered' });
      await expect(db.updateTable('evidence').set({ occurrences_per_month: 4 }).where('id', '=', later).execute()).rejects.toThrow(/evidence_single_has_no_rate/);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('the kind rules at the boundary', () => {
  let handle: DbHandle;
  let editor: Awaited<ReturnType<typeof callerWithRole>>;
  let ticketId: string;

  beforeAll(async () => {
    handle = await createTestDb();
    editor = await callerWithRole(handle, 'editor');
    const ana = await addParticipant(handle, { name: 'Ana' });
    ticketId = (
      await handle.db
        .insertInto('tickets')
        .values({
          source: 'csv',
          external_key: 'T-1',
          title: 'Need access to the staging database',
          title_norm: 'need access to the staging database',
          participant_id: ana.id,
          opened_at: new Date('2026-03-02T09:00:00Z'),
          resolved_at: new Date('2026-03-05T09:00:00Z'),
          content_hash: 't1',
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => handle.close());

  const countEvidence = async () => (await handle.db.selectFrom('evidence').select('id').execute()).length;
  const create = (values: Record<string, unknown>) =>
    editor.evidence.create({ sourceKind: 'ticket', sourceId: ticketId, excerpt: 'staging database', ...values } as Parameters<typeof editor.evidence.create>[0]);

  it.each([
    ['a ticket marked recurring without a rate', { kind: 'recurring', minutesLost: 45 }, 'kind', /^A ticket happened once, on its date\. To count it as recurring, say how many times a month/],
    ['a single occurrence with a rate', { kind: 'single', minutesLost: 45, occurrencesPerMonth: 4 }, 'occurrencesPerMonth', /^A single occurrence has no rate/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, values, field, message) => {
    const error = await rejection(create(values));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
    expect((error.cause as AppError).field).toBe(field);
    expect(await countEvidence()).toBe(0);
  });

  it.each([
    ['minutes above 43,200', { minutesLost: 43_201 }, /^minutesLost: More than a month/],
    ['negative minutes', { minutesLost: -1 }, /^minutesLost: Minutes lost cannot be negative/],
    ['no occurrences', { occurrencesPerMonth: 0 }, /^occurrencesPerMonth: It must happen more than 0 times a month/],
    ['more than 10,000 occurrences', { occurrencesPerMonth: 10_001 }, /^occurrencesPerMonth: Keep occurrences under 10000/],
    ['an unknown kind', { kind: 'weekly' }, /^kind: Choose recurring/],
  ])('refuses %s, naming the field, and writes nothing', async (_label, values, message) => {
    const error = await rejection(create(values));
    expect(error.message).toMatch(message);
    expect(await countEvidence()).toBe(0);
  });

  it('saves a ticket as a single occurrence by default, and as recurring with a rate', async () => {
    const single = await create({ minutesLost: 45 });
    const recurring = await create({ kind: 'recurring', minutesLost: 45, occurrencesPerMonth: 2 });
    expect(await editor.evidence.get({ id: single.id })).toMatchObject({ kind: 'single', minutesLost: 45, minutesOrigin: 'entered', occurrencesPerMonth: 1 });
    expect(await editor.evidence.get({ id: recurring.id })).toMatchObject({ kind: 'recurring', occurrencesPerMonth: 2 });

    // Editing keeps the rules: a rate on a single item is refused; marking it recurring with one is not.
    const excerpt = (await editor.evidence.get({ id: single.id }))!.excerpt;
    const correction = { id: single.id, excerpt, participantId: null, minutesLost: 45, occurrencesPerMonth: 3, severity: null };
    const refused = await rejection(editor.evidence.correct({ ...correction, kind: 'single' }));
    expect((refused.cause as AppError).field).toBe('occurrencesPerMonth');
    expect(await editor.evidence.get({ id: single.id })).toMatchObject({ kind: 'single', occurrencesPerMonth: 1 });
    await editor.evidence.correct({ ...correction, kind: 'recurring' });
    expect(await editor.evidence.get({ id: single.id })).toMatchObject({ kind: 'recurring', occurrencesPerMonth: 3, minutesOrigin: 'entered' });
  });
});
