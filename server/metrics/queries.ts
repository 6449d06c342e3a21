// Kysely queries for delivery events: idempotent ingestion and the grouped rows every dashboard
// figure is computed from (all periods in UTC).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '@/server/db';
import { type AdoptionRow, type DoraAggregate, nextQuarter, quarterOf, quarterStart, type ServiceQuarterCount, type ServiceStart, splitAtPeriods } from './definitions';
import { refreshQuarterMedians } from './queries-figures';

export async function upsertServices(db: Db, input: { rows: { key: string; team_id: string | null }[] }) {
  if (input.rows.length === 0) return [];
  return db
    .insertInto('delivery_services')
    .values(input.rows)
    .onConflict((oc) => oc.column('key').doUpdateSet({ team_id: sql`coalesce(excluded.team_id, delivery_services.team_id)` }))
    .returning(['id', 'key', 'team_id'])
    .execute();
}

export async function recordServiceCreations(
  db: Db,
  input: { rows: { key: string; team_id: string | null; repository_created_at: Date; created_event_id: string }[] },
) {
  if (input.rows.length === 0) return 0;
  const result = await db
    .insertInto('delivery_services')
    .values(input.rows)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        repository_created_at: sql`excluded.repository_created_at`,
        created_event_id: sql`excluded.created_event_id`,
        team_id: sql`coalesce(excluded.team_id, delivery_services.team_id)`,
      }),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface NewDeploymentRow {
  event_id: string;
  service_id: string;
  team_id: string | null;
  via_platform: boolean;
  commit_at: Date;
  deployed_at: Date;
  outcome: 'success' | 'failure';
  recovered_at: Date | null;
}

/** Inserts deployments, skipping event ids already stored; returns how many were new. */
export async function insertDeployments(db: Db, input: { rows: NewDeploymentRow[] }): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < input.rows.length; start += 2000) {
    const result = await db
      .insertInto('deployments')
      .values(input.rows.slice(start, start + 2000))
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** How many of these event ids are stored already (an import skips them). */
export async function countStoredDeployments(db: Db, input: { eventIds: string[] }): Promise<number> {
  let stored = 0;
  const ids = [...new Set(input.eventIds)];
  for (let start = 0; start < ids.length; start += 2000) {
    const row = await db
      .selectFrom('deployments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('event_id', 'in', ids.slice(start, start + 2000))
      .executeTakeFirstOrThrow();
    stored += Number(row.n);
  }
  return stored;
}

export interface MetricsWindow {
  from: Date;
  to: Date;
  teamId?: string;
}

function inWindow(window: MetricsWindow): Expression<SqlBool> {
  const team = window.teamId ? sql`and team_id = ${window.teamId}` : sql``;
  return sql<SqlBool>`deployed_at >= ${window.from} and deployed_at < ${window.to} ${team}`;
}

const WEEK = sql`to_char(date_trunc('week', deployed_at at time zone 'UTC'), 'YYYY-MM-DD')`;
const QUARTER = sql`to_char(date_trunc('quarter', deployed_at at time zone 'UTC'), 'YYYY-"Q"Q')`;

/** The figures of whole periods in `whole` (migration 0940), for the window's team if it has one. */
function wholePeriods(kind: 'week' | 'quarter', whole: { from: Date; to: Date }, teamId: string | undefined) {
  const team = teamId ? sql`and team_id = ${teamId}` : sql``;
  return sql`period_kind = ${kind} and period_start >= ${whole.from} and period_end <= ${whole.to} ${team}`;
}

/**
 * Per period: deployments, those through the platform, services that deployed, and those of them
 * whose latest deployment in the period went through the platform (the adoption definition).
 * Whole periods are read from delivery_figures, the parts of periods at the window's edges from
 * the deployments.
 */
export async function adoptionRows(db: Db, input: MetricsWindow & { period: 'week' | 'quarter' }): Promise<AdoptionRow[]> {
  const period = input.period === 'week' ? WEEK : QUARTER;
  const { whole, edges } = splitAtPeriods(input, input.period);
  const parts: RawBuilder<unknown>[] = [];
  if (whole) {
    parts.push(sql`
      select period, service_id, sum(deployments) as deployments, sum(platform_deployments) as platform_deployments,
             (array_agg(latest_via_platform order by latest_at desc, latest_id desc))[1] as is_latest_via_platform
      from delivery_figures
      where ${wholePeriods(input.period, whole, input.teamId)}
      group by 1, 2`);
  }
  for (const edge of edges) {
    parts.push(sql`
      select ${period} as period, service_id,
             count(*) as deployments,
             count(*) filter (where via_platform) as platform_deployments,
             (array_agg(via_platform order by deployed_at desc, id desc))[1] as is_latest_via_platform
      from deployments
      where ${inWindow({ ...edge, teamId: input.teamId })}
      group by 1, service_id`);
  }
  if (parts.length === 0) return [];
  const result = await sql<AdoptionRow>`
    select period as "period",
           sum(deployments)::int as "deployments",
           sum(platform_deployments)::int as "platformDeployments",
           count(*)::int as "services",
           (count(*) filter (where is_latest_via_platform))::int as "platformServices"
    from (${sql.join(parts, sql` union all `)}) per_service
    group by 1`.execute(db);
  return result.rows;
}

export interface NewTaskRow {
  event_id: string;
  task: string;
  team_id: string | null;
  is_self_service: boolean;
  completed_at: Date;
}

/** Inserts platform task events, skipping event ids already stored; returns how many were new. */
export async function insertTasks(db: Db, input: { rows: NewTaskRow[] }): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < input.rows.length; start += 2000) {
    const result = await db
      .insertInto('platform_tasks')
      .values(input.rows.slice(start, start + 2000))
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

const TASK_WEEK = sql`to_char(date_trunc('week', completed_at at time zone 'UTC'), 'YYYY-MM-DD')`;

/** Platform tasks per week: done without a person, and those that waited for manual approval. */
export async function taskWeeks(db: Db, input: { from: Date; to: Date }): Promise<{ week: string; selfService: number; manual: number }[]> {
  const result = await sql<{ week: string; selfService: number; manual: number }>`
    select ${TASK_WEEK} as "week",
           (count(*) filter (where is_self_service))::int as "selfService",
           (count(*) filter (where not is_self_service))::int as "manual"
    from platform_tasks
    where completed_at >= ${input.from} and completed_at < ${input.to}
    group by 1`.execute(db);
  return result.rows;
}

/** Tickets per week in the categories the PM marked as requests for manual work. */
export async function manualWorkTicketWeeks(db: Db, input: { from: Date; to: Date }): Promise<{ week: string; tickets: number }[]> {
  const result = await sql<{ week: string; tickets: number }>`
    select to_char(date_trunc('week', t.opened_at at time zone 'UTC'), 'YYYY-MM-DD') as "week", count(*)::int as "tickets"
    from tickets t
    join manual_work_categories m on m.category = t.category
    where t.opened_at >= ${input.from} and t.opened_at < ${input.to}
    group by 1`.execute(db);
  return result.rows;
}

/** Every ticket category with its ticket count and whether it is marked as manual work (marked ones without tickets too). */
export async function listManualWorkCategories(db: Db): Promise<{ category: string; tickets: number; isManualWork: boolean }[]> {
  const result = await sql<{ category: string; tickets: number; isManualWork: boolean }>`
    select coalesce(c.category, m.category) as "category", coalesce(c.tickets, 0)::int as "tickets", (m.category is not null) as "isManualWork"
    from (select category, count(*) as tickets from tickets where category is not null group by category) c
    full join manual_work_categories m on m.category = c.category
    order by coalesce(c.tickets, 0) desc, 1`.execute(db);
  return result.rows;
}

export async function hasTicketCategory(db: Db, input: { category: string }): Promise<boolean> {
  const row = await db.selectFrom('tickets').select('id').where('category', '=', input.category).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function markManualWork(db: Db, input: { category: string; userId: string | null }) {
  await db.insertInto('manual_work_categories').values({ category: input.category, marked_by: input.userId }).onConflict((oc) => oc.column('category').doNothing()).execute();
}

export async function unmarkManualWork(db: Db, input: { category: string }) {
  await db.deleteFrom('manual_work_categories').where('category', '=', input.category).execute();
}

/** The per-quarter medians of this window's team (or of all teams), as stored (migration 0940). */
const medianScope = (teamId: string | undefined) => teamId ?? 'all';

const RAW_DORA = (window: MetricsWindow) => sql<DoraAggregate>`
    select ${QUARTER} as "quarter",
           count(*)::int as "deployments",
           (count(*) filter (where outcome = 'failure'))::int as "failures",
           percentile_cont(0.5) within group (order by extract(epoch from deployed_at - commit_at) / 3600)
             filter (where outcome = 'success') as "leadTimeMedianHours",
           percentile_cont(0.5) within group (order by extract(epoch from recovered_at - deployed_at) / 3600)
             filter (where outcome = 'failure' and recovered_at is not null) as "recoveryMedianHours",
           (count(*) filter (where outcome = 'failure' and recovered_at is null))::int as "unrecoveredFailures"
    from deployments
    where ${inWindow(window)}
    group by 1`;

/** Per quarter: deployments, failures, the medians of lead time and recovery, unrecovered failures. */
export async function doraAggregates(db: Db, input: MetricsWindow): Promise<DoraAggregate[]> {
  const { whole, edges } = splitAtPeriods(input, 'quarter');
  const rows: DoraAggregate[] = [];
  if (whole) {
    await refreshQuarterMedians(db);
    const result = await sql<DoraAggregate>`
      select f.period as "quarter",
             sum(f.deployments)::int as "deployments",
             sum(f.failures)::int as "failures",
             m.lead_time_median_hours as "leadTimeMedianHours",
             m.recovery_median_hours as "recoveryMedianHours",
             sum(f.unrecovered_failures)::int as "unrecoveredFailures"
      from delivery_figures f
      left join delivery_quarter_medians m on m.quarter = f.period and m.scope = ${medianScope(input.teamId)}
      where ${wholePeriods('quarter', whole, input.teamId)}
      group by f.period, m.lead_time_median_hours, m.recovery_median_hours`.execute(db);
    rows.push(...result.rows);
  }
  for (const edge of edges) rows.push(...(await RAW_DORA({ ...edge, teamId: input.teamId }).execute(db)).rows);
  return rows;
}

/** Deployments per service and quarter, with the team of the service's latest deployment in it. */
export async function serviceQuarterCounts(db: Db, input: MetricsWindow): Promise<ServiceQuarterCount[]> {
  const { whole, edges } = splitAtPeriods(input, 'quarter');
  const parts: RawBuilder<unknown>[] = [];
  if (whole) {
    parts.push(sql`
      select period as quarter, service_id, sum(deployments)::int as deployments,
             (array_agg(team_id order by latest_at desc, latest_id desc))[1] as team_id
      from delivery_figures
      where ${wholePeriods('quarter', whole, input.teamId)}
      group by 1, service_id`);
  }
  for (const edge of edges) {
    parts.push(sql`
      select ${QUARTER} as quarter, service_id, count(*)::int as deployments,
             (array_agg(team_id order by deployed_at desc, id desc))[1] as team_id
      from deployments
      where ${inWindow({ ...edge, teamId: input.teamId })}
      group by 1, service_id`);
  }
  if (parts.length === 0) return [];
  const result = await sql<ServiceQuarterCount>`
    select counts.quarter as "quarter", counts.service_id as "serviceId", counts.team_id as "teamId",
           counts.deployments as "deployments", s.repository_created_at as "createdAt"
    from (${sql.join(parts, sql` union all `)}) counts
    join delivery_services s on s.id = counts.service_id`.execute(db);
  return result.rows;
}

type TeamAggregate = Omit<DoraAggregate, 'quarter'> & { teamId: string | null; teamName: string | null; services: number };

/**
 * Per team, for one window: the same aggregates as doraAggregates, one row per team. A window of
 * exactly one quarter (the dashboard's) is read from the maintained figures, any other from the
 * deployments.
 */
export async function doraAggregatesByTeam(db: Db, input: MetricsWindow): Promise<TeamAggregate[]> {
  const quarter = quarterOf(input.from);
  if (input.from.getTime() !== quarterStart(quarter).getTime() || input.to.getTime() !== quarterStart(nextQuarter(quarter)).getTime()) {
    return rawDoraAggregatesByTeam(db, input);
  }
  await refreshQuarterMedians(db);
  const result = await sql<TeamAggregate>`
    select f.team_id as "teamId", t.name as "teamName",
           sum(f.deployments)::int as "deployments",
           count(distinct f.service_id)::int as "services",
           sum(f.failures)::int as "failures",
           m.lead_time_median_hours as "leadTimeMedianHours",
           m.recovery_median_hours as "recoveryMedianHours",
           sum(f.unrecovered_failures)::int as "unrecoveredFailures"
    from delivery_figures f
    left join teams t on t.id = f.team_id
    left join delivery_quarter_medians m on m.quarter = f.period and m.scope = coalesce(f.team_id::text, 'none')
    where f.period_kind = 'quarter' and f.period = ${quarter}
    group by f.team_id, t.name, m.lead_time_median_hours, m.recovery_median_hours
    order by t.name nulls last`.execute(db);
  return result.rows;
}

async function rawDoraAggregatesByTeam(db: Db, input: MetricsWindow): Promise<TeamAggregate[]> {
  const result = await sql<TeamAggregate>`
    select d.team_id as "teamId", t.name as "teamName",
           count(*)::int as "deployments",
           count(distinct d.service_id)::int as "services",
           (count(*) filter (where d.outcome = 'failure'))::int as "failures",
           percentile_cont(0.5) within group (order by extract(epoch from d.deployed_at - d.commit_at) / 3600)
             filter (where d.outcome = 'success') as "leadTimeMedianHours",
           percentile_cont(0.5) within group (order by extract(epoch from d.recovered_at - d.deployed_at) / 3600)
             filter (where d.outcome = 'failure' and d.recovered_at is not null) as "recoveryMedianHours",
           (count(*) filter (where d.outcome = 'failure' and d.recovered_at is null))::int as "unrecoveredFailures"
    from deployments d
    left join teams t on t.id = d.team_id
    where d.deployed_at >= ${input.from} and d.deployed_at < ${input.to}
    group by d.team_id, t.name
    order by t.name nulls last`.execute(db);
  return result.rows;
}

export async function serviceStarts(db: Db, input: { teamId?: string }): Promise<ServiceStart[]> {
  const team = input.teamId ? sql`where s.team_id = ${input.teamId}` : sql``;
  const result = await sql<ServiceStart>`
    select s.repository_created_at as "repositoryCreatedAt",
           first.deployed_at as "firstSuccessAt",
           first.via_platform as "firstSuccessViaPlatform"
    from delivery_services s
    left join lateral (
      select d.deployed_at, d.via_platform from deployments d
      where d.service_id = s.id and d.outcome = 'success'
      order by d.deployed_at
      limit 1
    ) first on true
    ${team}`.execute(db);
  return result.rows;
}

export async function deliveryExtent(db: Db) {
  const row = await db
    .selectFrom('deployments')
    .select([sql<Date | null>`min(deployed_at)`.as('first'), sql<Date | null>`max(deployed_at)`.as('last')])
    .executeTakeFirstOrThrow();
  return row;
}
