// Platform metrics: ingesting delivery and platform task events (API batches and CSV,
// all-or-nothing, idempotent on the sender's event id) and the dashboard's figures (adoption,
// time to first deploy, DORA).
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { CsvError, parseCsvText } from '@/server/lib/csv';
import * as teamQueries from '@/server/participants/queries';
import {
  adoptionSeries,
  dashboardWindow,
  doraSeries,
  nextQuarter,
  previousQuarterStart,
  quarterStart,
  quartersBetween,
  timeToFirstDeploy,
  weeksBetween,
  withStoppedServices,
} from './definitions';
import {
  type DeploymentEvent,
  deploymentEventSchema,
  type EventProblem,
  type ServiceEvent,
  serviceEventSchema,
  type TaskEvent,
  taskEventSchema,
  validateEventBatch,
} from './events';
import { csvRowsToEvents } from './parse-deployments-csv';
import * as queries from './queries';
import { refreshQuarterMedians } from './queries-figures';
import { bandNotes, type BandNotes, DORA_METRICS, type DoraBands, type DoraMetric } from './dora-bands';
import { getAdoptionHeadline } from './service-adoption';
import { getDoraBands } from './service-bands';
import { cachedDelivery, deliveryKey } from './service-cache';

function refuse(problems: EventProblem[], noun: string): never {
  const [first] = problems;
  throw new AppError(
    'BAD_REQUEST',
    `Nothing was stored: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the ${noun}. First: event ${first.index}${
      first.field ? `, ${first.field}` : ''
    }: ${first.message}`,
    { details: { problems: problems.slice(0, 1000) } },
  );
}

/** Team ids for team names (any letter case), creating teams the directory does not know yet. */
async function teamIdsByName(db: Db, names: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const name of names) if (name && !wanted.has(name.toLowerCase())) wanted.set(name.toLowerCase(), name);
  const ids = new Map<string, string>();
  for (const team of await teamQueries.findTeamsByName(db, { names: [...wanted.values()] })) ids.set(team.name.toLowerCase(), team.id);
  const missing = [...wanted.entries()].filter(([key]) => !ids.has(key)).map(([, name]) => name);
  for (const team of await teamQueries.insertTeams(db, { names: missing })) ids.set(team.name.toLowerCase(), team.id);
  return ids;
}

async function storeDeployments(db: Db, events: DeploymentEvent[]) {
  return db.transaction().execute(async (trx) => {
    const teams = await teamIdsByName(trx, events.map((event) => event.team));
    const teamOf = (name: string | null | undefined) => (name ? (teams.get(name.toLowerCase()) ?? null) : null);
    const serviceTeams = new Map<string, string | null>();
    for (const event of events) if (!serviceTeams.has(event.service) || event.team) serviceTeams.set(event.service, teamOf(event.team));
    const services = await queries.upsertServices(trx, { rows: [...serviceTeams].map(([key, team_id]) => ({ key, team_id })) });
    const serviceByKey = new Map(services.map((service) => [service.key, service]));
    const inserted = await queries.insertDeployments(trx, {
      rows: events.map((event) => {
        const service = serviceByKey.get(event.service)!;
        return {
          event_id: event.eventId,
          service_id: service.id,
          team_id: teamOf(event.team) ?? service.team_id,
          via_platform: event.viaPlatform,
          commit_at: event.commitAt,
          deployed_at: event.deployedAt,
          outcome: event.outcome,
          recovered_at: event.recoveredAt ?? null,
        };
      }),
    });
    return { received: events.length, inserted, alreadyStored: events.length - inserted };
  });
}

export async function ingestDeploymentBatch(db: Db, input: { body: unknown }) {
  const { events, problems } = validateEventBatch(input.body, deploymentEventSchema);
  if (problems.length > 0) refuse(problems, 'batch');
  return storeDeployments(db, events);
}

export async function ingestServiceBatch(db: Db, input: { body: unknown }) {
  const { events, problems } = validateEventBatch<ServiceEvent>(input.body, serviceEventSchema);
  if (problems.length > 0) refuse(problems, 'batch');
  return db.transaction().execute(async (trx) => {
    const teams = await teamIdsByName(trx, events.map((event) => event.team));
    const stored = await queries.recordServiceCreations(trx, {
      rows: events.map((event) => ({
        key: event.service,
        team_id: event.team ? (teams.get(event.team.toLowerCase()) ?? null) : null,
        repository_created_at: event.createdAt,
        created_event_id: event.eventId,
      })),
    });
    return { received: events.length, stored };
  });
}

/** Platform task events (POST /api/v1/events/tasks): the same batch rules as deployments. */
export async function ingestTaskBatch(db: Db, input: { body: unknown }) {
  const { events, problems } = validateEventBatch<TaskEvent>(input.body, taskEventSchema);
  if (problems.length > 0) refuse(problems, 'batch');
  return db.transaction().execute(async (trx) => {
    const teams = await teamIdsByName(trx, events.map((event) => event.team));
    const inserted = await queries.insertTasks(trx, {
      rows: events.map((event) => ({
        event_id: event.eventId,
        task: event.task,
        team_id: event.team ? (teams.get(event.team.toLowerCase()) ?? null) : null,
        is_self_service: event.selfService,
        completed_at: event.completedAt,
      })),
    });
    return { received: events.length, inserted, alreadyStored: events.length - inserted };
  });
}

/** A deployments CSV from the Metrics page: every row valid or nothing stored, rows named. */
/** The deployments of a CSV file, all valid, or a refusal naming the first bad row and column. */
function readDeploymentsCsv(text: string): DeploymentEvent[] {
  let table;
  try {
    table = parseCsvText(text);
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('BAD_REQUEST', error.problem.message, { details: { problems: [error.problem] } });
    throw error;
  }
  const converted = csvRowsToEvents(table);
  if ('problems' in converted) {
    const [first] = converted.problems;
    throw new AppError('BAD_REQUEST', `Nothing was imported: row ${first.row}${first.column ? `, column "${first.column}"` : ''}: ${first.message}`, {
      details: { problems: converted.problems.slice(0, 500) },
    });
  }
  const { events, problems } = validateEventBatch(converted.events, deploymentEventSchema);
  if (problems.length > 0) {
    const rowProblems = problems.map((problem) => ({ row: converted.rows[problem.index], column: converted.columnOf(problem.field), message: problem.message }));
    const [first] = rowProblems;
    throw new AppError('BAD_REQUEST', `Nothing was imported: row ${first.row}${first.column ? `, column "${first.column}"` : ''}: ${first.message}`, {
      details: { problems: rowProblems.slice(0, 500) },
    });
  }
  return events;
}

/**
 * What importing the file would do, without writing: how many rows, how many are new and how many
 * already stored (same event_id), the services, the dates they cover and the first rows.
 */
export async function previewDeploymentsCsv(db: Db, input: { text: string }) {
  const events = readDeploymentsCsv(input.text);
  // readDeploymentsCsv refuses an event_id repeated within the file, so each row is one event.
  const alreadyStored = await queries.countStoredDeployments(db, { eventIds: events.map((event) => event.eventId) });
  // A loop, not Math.min(...times): a file of 300,000 rows would overflow the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const event of events) {
    first = Math.min(first, event.deployedAt.getTime());
    last = Math.max(last, event.deployedAt.getTime());
  }
  return {
    rows: events.length,
    newRows: events.length - alreadyStored,
    alreadyStored,
    services: new Set(events.map((event) => event.service)).size,
    viaPlatform: events.filter((event) => event.viaPlatform).length,
    failures: events.filter((event) => event.outcome === 'failure').length,
    firstDeployedAt: new Date(first),
    lastDeployedAt: new Date(last),
    sample: events.slice(0, 5).map((event) => ({
      eventId: event.eventId,
      service: event.service,
      team: event.team ?? null,
      viaPlatform: event.viaPlatform,
      deployedAt: event.deployedAt,
      outcome: event.outcome,
    })),
  };
}

/** Imports every row of the file, or none: rows already stored (same event_id) are skipped. */
export async function importDeploymentsCsv(db: Db, input: { text: string }) {
  return storeDeployments(db, readDeploymentsCsv(input.text));
}

// ---- Dashboard ---------------------------------------------------------------------------------

/** Adoption, time to first deploy and DORA for the window, served from the cache while no deployment arrives. */
export function getDeliveryDashboard(db: Db, input: { quarters: number; teamId?: string }, now = new Date()) {
  return cachedDelivery(db, deliveryKey('dashboard', now, input.quarters, input.teamId ?? null), () => computeDeliveryDashboard(db, input, now));
}

async function computeDeliveryDashboard(db: Db, input: { quarters: number; teamId?: string }, now: Date) {
  const bands = getDoraBands();
  const extent = await queries.deliveryExtent(db);
  const window = { ...dashboardWindow(input.quarters, now), teamId: input.teamId };
  const quarters = quartersBetween(window.from, now);
  const weeks = weeksBetween(window.from, now);
  const latestFull = quarters.length > 1 ? quarters[quarters.length - 2] : quarters[0];
  const latestWindow = { from: quarterStart(latestFull), to: quarterStart(nextQuarter(latestFull)) };
  // Once, before the queries that read the medians run side by side.
  await refreshQuarterMedians(db);

  const [adoptionHeadline, weekly, quarterly, aggregates, rawServiceCounts, starts, byTeam, latestCounts] = await Promise.all([
    getAdoptionHeadline(db, { teamId: input.teamId }, now),
    queries.adoptionRows(db, { ...window, period: 'week' }),
    queries.adoptionRows(db, { ...window, period: 'quarter' }),
    queries.doraAggregates(db, window),
    // From the quarter before the window, so a service that stopped in its first quarter is counted.
    queries.serviceQuarterCounts(db, { ...window, from: previousQuarterStart(window.from) }),
    queries.serviceStarts(db, { teamId: input.teamId }),
    queries.doraAggregatesByTeam(db, latestWindow),
    queries.serviceQuarterCounts(db, { from: previousQuarterStart(latestWindow.from), to: latestWindow.to }),
  ]);
  const serviceCounts = withStoppedServices(rawServiceCounts, quarters);
  const latestServiceCounts = withStoppedServices(latestCounts, [latestFull]);

  const teams = byTeam.map((team) => ({
    teamId: team.teamId,
    teamName: team.teamName,
    ...doraSeries({
      quarters: [latestFull],
      aggregates: [{ ...team, quarter: latestFull }],
      serviceCounts: latestServiceCounts.filter((count) => count.teamId === team.teamId),
      bands,
      now,
    })[0],
  }));

  return {
    hasData: extent.first !== null,
    window: { from: window.from, to: now, quarters, latestFullQuarter: latestFull },
    adoptionHeadline,
    adoptionWeekly: adoptionSeries(weekly, weeks),
    adoptionQuarterly: adoptionSeries(quarterly, quarters),
    timeToFirstDeploy: timeToFirstDeploy(starts),
    dora: doraSeries({ quarters, aggregates, serviceCounts, bands, now }),
    doraByTeam: teams,
    bands: {
      version: String(bands.version),
      source: bands.source ?? null,
      metrics: Object.fromEntries(
        DORA_METRICS.map((key) => {
          const metric = bands.metrics[key];
          return [key, { label: metric.label, unit: metric.unit, better: metric.better, bands: metric.bands, notes: bandNotes(bands, key) }];
        }),
      ) as Record<DoraMetric, { label: string; unit: string; better: 'higher' | 'lower'; bands: DoraBands['metrics'][DoraMetric]['bands']; notes: BandNotes }>,
    },
  };
}
