// The delivery dashboard's maintained figures (migration 0940) against a full recomputation after
// every kind of write that touches deployments: API batches (new and repeated), a CSV import, a
// backfill into a closed quarter, edits, deletes, a service deleted, a team renamed and deleted,
// a service reassigned, a truncate. Twice over: the nightly check finds no drift, and the
// dashboard's queries answer what a plain computation over every deployment answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { percentile, quarterOf, weekOf } from '@/server/metrics/definitions';
import * as queries from '@/server/metrics/queries';
import { findDriftedDeliveryFigures, rebuildDeliveryFigures } from '@/server/metrics/queries-figures';
import { getDeliveryDashboard, importDeploymentsCsv, ingestDeploymentBatch, ingestServiceBatch } from '@/server/metrics/service';
import { deleteTeam, renameTeam } from '@/server/participants/service';
import { createTestDb, type TestDb } from '@/test/helpers/db';

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

const NOW = new Date('2026-05-20T12:00:00Z');

/** A deployment `hours` after 2026-01-05 (a Monday), with a lead time and outcome that vary with `n`. */
const event = (id: string, n: number, overrides: Record<string, unknown> = {}) => {
  const deployedAt = new Date(Date.UTC(2026, 0, 5) + n * 29 * 3_600_000);
  return {
    eventId: id,
    service: `svc-${n % 4}`,
    team: n % 5 === 0 ? null : `Team ${n % 3}`,
    viaPlatform: n % 3 !== 1,
    commitAt: new Date(deployedAt.getTime() - (1 + (n % 7)) * 3_600_000).toISOString(),
    deployedAt: deployedAt.toISOString(),
    outcome: n % 6 === 0 ? 'failure' : 'success',
    recoveredAt: n % 6 === 0 && n % 12 !== 0 ? new Date(deployedAt.getTime() + (n % 5) * 3_600_000).toISOString() : null,
    ...overrides,
  };
};

interface Row {
  id: number;
  service_id: string;
  team_id: string | null;
  via_platform: boolean;
  commit_at: Date;
  deployed_at: Date;
  outcome: string;
  recovered_at: Date | null;
}

const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1e9) / 1e9);
const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
const latest = (rows: Row[]) => rows.reduce((a, b) => (b.deployed_at > a.deployed_at || (b.deployed_at.getTime() === a.deployed_at.getTime() && Number(b.id) > Number(a.id)) ? b : a));
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;
const dora = (rows: Row[]) => ({
  deployments: rows.length,
  failures: rows.filter((row) => row.outcome === 'failure').length,
  leadTimeMedianHours: round(percentile(rows.filter((row) => row.outcome === 'success').map((row) => hours(row.commit_at, row.deployed_at)), 0.5)),
  recoveryMedianHours: round(percentile(rows.filter((row) => row.recovered_at).map((row) => hours(row.deployed_at, row.recovered_at!)), 0.5)),
  unrecoveredFailures: rows.filter((row) => row.outcome === 'failure' && !row.recovered_at).length,
});

/** The dashboard's queries for `window` answer what a plain computation over every deployment does. */
async function expectQueriesMatch(window: { from: Date; to: Date; teamId?: string }) {
  const db = handle.db;
  const all = (await db.selectFrom('deployments').selectAll().execute()) as unknown as Row[];
  const rows = all.filter((row) => row.deployed_at >= window.from && row.deployed_at < window.to && (!window.teamId || row.team_id === window.teamId));
  for (const kind of ['week', 'quarter'] as const) {
    const periodOf = (row: Row) => (kind === 'week' ? weekOf(row.deployed_at) : quarterOf(row.deployed_at));
    const expected = [...groupBy(rows, periodOf)].map(([period, inPeriod]) => {
      const services = [...groupBy(inPeriod, (row) => row.service_id).values()];
      return {
        period,
        deployments: inPeriod.length,
        platformDeployments: inPeriod.filter((row) => row.via_platform).length,
        services: services.length,
        platformServices: services.filter((service) => latest(service).via_platform).length,
      };
    });
    expect(byKey(await queries.adoptionRows(db, { ...window, period: kind }), (row) => row.period)).toEqual(byKey(expected, (row) => row.period));
  }
  const quarters = [...groupBy(rows, (row) => quarterOf(row.deployed_at))];
  const stored = (await queries.doraAggregates(db, window)).map((row) => ({ ...row, leadTimeMedianHours: round(row.leadTimeMedianHours), recoveryMedianHours: round(row.recoveryMedianHours) }));
  expect(byKey(stored, (row) => row.quarter)).toEqual(byKey(quarters.map(([quarter, inQuarter]) => ({ quarter, ...dora(inQuarter) })), (row) => row.quarter));
  const counts = (await queries.serviceQuarterCounts(db, window)).map(({ quarter, serviceId, teamId, deployments }) => ({ quarter, serviceId, teamId, deployments }));
  const expectedCounts = quarters.flatMap(([quarter, inQuarter]) =>
    [...groupBy(inQuarter, (row) => row.service_id)].map(([serviceId, ofService]) => ({ quarter, serviceId, teamId: latest(ofService).team_id, deployments: ofService.length })),
  );
  expect(byKey(counts, (row) => `${row.quarter} ${row.serviceId}`)).toEqual(byKey(expectedCounts, (row) => `${row.quarter} ${row.serviceId}`));
}

async function expectTeamsMatch(quarter: { from: Date; to: Date }) {
  const db = handle.db;
  const all = (await db.selectFrom('deployments').selectAll().execute()) as unknown as Row[];
  const rows = all.filter((row) => row.deployed_at >= quarter.from && row.deployed_at < quarter.to);
  const names = new Map((await db.selectFrom('teams').select(['id', 'name']).execute()).map((team) => [team.id, team.name]));
  const expected = [...groupBy(rows, (row) => row.team_id ?? '')].map(([teamId, ofTeam]) => ({
    teamId: teamId || null,
    teamName: names.get(teamId) ?? null,
    services: new Set(ofTeam.map((row) => row.service_id)).size,
    ...dora(ofTeam),
  }));
  const stored = (await queries.doraAggregatesByTeam(db, quarter)).map((row) => ({ ...row, leadTimeMedianHours: round(row.leadTimeMedianHours), recoveryMedianHours: round(row.recoveryMedianHours) }));
  expect(byKey(stored, (row) => row.teamId ?? '')).toEqual(byKey(expected, (row) => row.teamId ?? ''));
}

/** After a write: no drift, and the queries match, for the whole span, an unaligned window and one team. */
async function expectSound() {
  expect(await findDriftedDeliveryFigures(handle.db)).toEqual([]);
  await expectQueriesMatch({ from: new Date('2025-10-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') });
  await expectQueriesMatch({ from: new Date('2026-01-07T13:00:00Z'), to: new Date('2026-04-16T00:00:00Z') });
  const team = await handle.db.selectFrom('teams').select('id').where('name', '=', 'Team 1').executeTakeFirst();
  if (team) await expectQueriesMatch({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z'), teamId: team.id });
  await expectTeamsMatch({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
  await expectTeamsMatch({ from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') });
}

describe('maintained delivery figures', () => {
  it('equal a full recomputation after every kind of write', async () => {
    const db = handle.db;
    await expectSound();

    // A batch through the API, across two quarters, teams and no team; then the same batch again.
    const batch = { events: Array.from({ length: 90 }, (_, n) => event(`api-${n}`, n)) };
    expect(await ingestDeploymentBatch(db, { body: batch })).toMatchObject({ inserted: 90 });
    await expectSound();
    expect(await ingestDeploymentBatch(db, { body: batch })).toMatchObject({ inserted: 0 });
    await expectSound();

    // A CSV import, partly new rows, partly rows already stored.
    const header = 'event_id,service,team,via_platform,commit_time,deploy_time,outcome,recovered_at';
    const csv = [header, 'api-1,svc-1,Team 1,yes,2026-01-06 08:00,2026-01-06 10:00,success,', 'csv-1,svc-9,Team 2,no,2026-03-31 22:00,2026-03-31 23:30,failure,2026-04-01 01:00'];
    for (let n = 2; n < 30; n += 1) csv.push(`csv-${n},svc-${n % 5},Team ${n % 2},${n % 2 ? 'yes' : 'no'},2026-04-${String(n).padStart(2, '0')} 09:00,2026-04-${String(n).padStart(2, '0')} 1${n % 10}:00,success,`);
    expect(await importDeploymentsCsv(db, { text: `${csv.join('\n')}\n` })).toMatchObject({ inserted: 29 });
    await expectSound();

    // A backfill into a closed quarter, and the latest deployment of a week replaced by a later one.
    await ingestDeploymentBatch(db, { body: [event('late-1', 3, { deployedAt: '2025-11-03T10:00:00Z', commitAt: '2025-11-03T09:00:00Z' }), event('late-2', 4, { viaPlatform: false, deployedAt: '2026-01-05T23:59:00Z', commitAt: '2026-01-05T20:00:00Z', service: 'svc-0' })] });
    await expectSound();

    // Edits (outcome, a move across a quarter and a week, a team) and deletes, made without the app.
    await db.updateTable('deployments').set({ outcome: 'failure' }).where('event_id', 'in', ['api-5', 'api-7']).execute();
    await db.updateTable('deployments').set({ deployed_at: new Date('2026-04-02T10:00:00Z') }).where('event_id', '=', 'api-10').execute();
    const team2 = await db.selectFrom('teams').select('id').where('name', '=', 'Team 2').executeTakeFirstOrThrow();
    await db.updateTable('deployments').set({ team_id: team2.id }).where('event_id', 'in', ['api-20', 'api-21']).execute();
    await expectSound();
    await db.deleteFrom('deployments').where('event_id', 'in', ['api-30', 'api-31', 'late-2']).execute();
    await expectSound();

    // A service reassigned to another team (its deployments keep theirs), and a service deleted.
    await ingestServiceBatch(db, { body: [{ eventId: 'svc-1-created', service: 'svc-1', team: 'Team 0', createdAt: '2025-12-01T00:00:00Z' }] });
    await expectSound();
    await db.deleteFrom('delivery_services').where('key', '=', 'svc-3').execute();
    await expectSound();

    // A team renamed (the per-team rows read the new name) and a team deleted without the app
    // (the app refuses while deployments name it; the database sets their team to none).
    await renameTeam(db, { id: team2.id, name: 'Team Two' });
    await expectSound();
    const named = await db.selectFrom('teams').select(['id', 'name']).execute();
    const team1 = named.find((team) => team.name === 'Team 1')!;
    await expect(deleteTeam(db, { id: team1.id })).rejects.toThrow(/Rename it instead/);
    await db.updateTable('delivery_services').set({ team_id: null }).where('team_id', '=', team1.id).execute();
    await db.deleteFrom('teams').where('id', '=', team1.id).execute();
    expect(await db.selectFrom('deployments').select('id').where('team_id', '=', team1.id).execute()).toEqual([]);
    await expectSound();

    // The dashboard on top of it, for a window from a quarter start, names the renamed team.
    const dashboard = await getDeliveryDashboard(db, { quarters: 3 }, NOW);
    expect(dashboard.doraByTeam.map((team) => team.teamName)).toContain('Team Two');

    // Truncated: nothing left behind.
    await sql`truncate deployments`.execute(db);
    expect(await db.selectFrom('delivery_figures').select('service_id').execute()).toEqual([]);
    await expectSound();
  });

  it('the consistency check names drifted periods and medians, and a repair recomputes them', async () => {
    const db = handle.db;
    await ingestDeploymentBatch(db, { body: { events: Array.from({ length: 40 }, (_, n) => event(`drift-${n}`, n)) } });
    expect(await findDriftedDeliveryFigures(db)).toEqual([]);
    await db.updateTable('delivery_figures').set({ deployments: sql`deployments + 1` }).where('period_kind', '=', 'week').where('period', '=', '2026-01-05').execute();
    await db.updateTable('delivery_quarter_medians').set({ lead_time_median_hours: 999 }).where('quarter', '=', '2026-Q1').where('scope', '=', 'all').execute();
    await db.deleteFrom('delivery_figures').where('period_kind', '=', 'quarter').where('period', '=', '2026-Q1').execute();
    expect(await findDriftedDeliveryFigures(db)).toEqual(['quarter 2026-Q1', 'quarter 2026-Q1 medians', 'week 2026-01-05']);
    await rebuildDeliveryFigures(db);
    expect(await findDriftedDeliveryFigures(db)).toEqual([]);
    await expectSound();
  });
});
