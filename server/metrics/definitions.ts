// The definitions of every platform metric on the dashboard, over rows the SQL has grouped by
// period. Pure: the same hand-computed cases the unit tests check. All periods are UTC.
import type { BandName, BandsLike, DoraMetric, Placement } from './dora-bands';
import { placeValue } from './dora-bands';

const DAY_MS = 86_400_000;

/** '2026-Q1' for a time, in UTC. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function quarterStart(quarter: string): Date {
  const [year, q] = quarter.split('-Q').map(Number);
  return new Date(Date.UTC(year, (q - 1) * 3, 1));
}

export function nextQuarter(quarter: string): string {
  return quarterOf(new Date(quarterStart(quarter).getTime() + 100 * DAY_MS));
}

/** Every quarter from the one of `from` to the one of `to`, inclusive. */
export function quartersBetween(from: Date, to: Date): string[] {
  const quarters: string[] = [];
  for (let quarter = quarterOf(from); quarter <= quarterOf(to) && quarters.length < 400; quarter = nextQuarter(quarter)) quarters.push(quarter);
  return quarters;
}

/** The dashboard's window: the last `quarters` quarters up to and including the current one. */
export function dashboardWindow(quarters: number, now: Date): { from: Date; to: Date } {
  let first = quarterOf(now);
  for (let index = 1; index < quarters; index += 1) first = quarterOf(new Date(quarterStart(first).getTime() - DAY_MS));
  return { from: quarterStart(first), to: quarterStart(nextQuarter(quarterOf(now))) };
}

/** The Monday (UTC) of the week a time falls in, as 'YYYY-MM-DD'. */
export function weekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

export function weeksBetween(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  for (let week = new Date(`${weekOf(from)}T00:00:00Z`); week <= to && weeks.length < 2000; week = new Date(week.getTime() + 7 * DAY_MS)) {
    weeks.push(week.toISOString().slice(0, 10));
  }
  return weeks;
}

/** Linear-interpolated percentile, as PostgreSQL's percentile_cont; null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

// ---- Adoption ----------------------------------------------------------------------------------

export interface AdoptionRow {
  period: string;
  deployments: number;
  platformDeployments: number;
  services: number;
  platformServices: number;
}

export interface AdoptionPoint extends AdoptionRow {
  /** Deployments through the platform / all deployments; null in a period without deployments. */
  deploymentShare: number | null;
  /**
   * Adoption: services whose latest deployment in the period went through the platform / services
   * that deployed in the period (DESIGN.md); null in a period without deployments.
   */
  serviceShare: number | null;
}

/** The words beside the adoption figure, the same on Home and on the metrics page. */
export const ADOPTION_LABEL = 'of deploying services on the platform';
export const ADOPTION_EXPLANATION =
  'Adoption = services whose latest deployment in the period went through the platform ÷ services that deployed in the period. ' +
  'The share of deployments through the platform is shown beside it, labelled as such.';

/** One point per period, in order; a period without deployments has no rate rather than 0%. */
export function adoptionSeries(rows: AdoptionRow[], periods: string[]): AdoptionPoint[] {
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  return periods.map((period) => {
    const row = byPeriod.get(period) ?? { period, deployments: 0, platformDeployments: 0, services: 0, platformServices: 0 };
    return { ...row, deploymentShare: ratio(row.platformDeployments, row.deployments), serviceShare: ratio(row.platformServices, row.services) };
  });
}

// ---- Time to first deploy ----------------------------------------------------------------------

export interface ServiceStart {
  repositoryCreatedAt: Date | null;
  firstSuccessAt: Date | null;
  firstSuccessViaPlatform: boolean | null;
}

export interface FirstDeployStats {
  services: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface TimeToFirstDeploy {
  platform: FirstDeployStats;
  other: FirstDeployStats;
  /** Repository created, no successful production deploy yet. */
  waiting: number;
}

/**
 * Repository created to first successful production deploy. A service counts as a platform user
 * when that first deploy went through the platform. Services with no creation event are left out.
 */
export function timeToFirstDeploy(services: ServiceStart[]): TimeToFirstDeploy {
  const platform: number[] = [];
  const other: number[] = [];
  let waiting = 0;
  for (const service of services) {
    if (!service.repositoryCreatedAt) continue;
    if (!service.firstSuccessAt) {
      waiting += 1;
      continue;
    }
    const hours = (service.firstSuccessAt.getTime() - service.repositoryCreatedAt.getTime()) / 3_600_000;
    if (hours < 0) continue;
    (service.firstSuccessViaPlatform ? platform : other).push(hours);
  }
  const stats = (hours: number[]): FirstDeployStats => ({ services: hours.length, medianHours: percentile(hours, 0.5), p90Hours: percentile(hours, 0.9) });
  return { platform: stats(platform), other: stats(other), waiting };
}

// ---- DORA --------------------------------------------------------------------------------------

export interface DoraAggregate {
  quarter: string;
  deployments: number;
  failures: number;
  /** Median commit-to-deploy hours of successful deployments. */
  leadTimeMedianHours: number | null;
  /** Median failure-to-recovery hours of recovered failures. */
  recoveryMedianHours: number | null;
  unrecoveredFailures: number;
}

export interface ServiceQuarterCount {
  quarter: string;
  serviceId?: string;
  teamId?: string | null;
  deployments: number;
  /** When the service's repository was created, if reported: a service is not observed before it existed. */
  createdAt?: Date | null;
}

export interface DoraPoint {
  quarter: string;
  deployments: number;
  /** Services counted in the deployment frequency: those that deployed, and those that stopped. */
  services: number;
  /** Services that deployed in the quarter before and not in this one: counted as zero. */
  stoppedServices: number;
  /** Deployments per day of the median service that deployed in the quarter (over the days it existed). */
  deploymentsPerDay: number | null;
  leadTimeHours: number | null;
  changeFailureRate: number | null;
  recoveryHours: number | null;
  unrecoveredFailures: number;
  /** The best band holding each value; null for no data and for a value in a gap between the clusters. */
  bands: Record<DoraMetric, BandName | null>;
  /** The same, with the band published with the same range, and null only for no data. */
  placements: Record<DoraMetric, Placement | null>;
}

/**
 * The counts with a zero for every service that stopped deploying: one that deployed in the quarter
 * before and not in this one counts as 0 deployments in this one, not as absent (a median over the
 * services still deploying would hide that they stopped). `counts` must include the quarter before
 * the first of `quarters`, and carry service ids.
 */
export function withStoppedServices(counts: ServiceQuarterCount[], quarters: string[]): (ServiceQuarterCount & { isStopped: boolean })[] {
  const byQuarter = new Map<string, Map<string, ServiceQuarterCount>>();
  for (const count of counts) {
    const services = byQuarter.get(count.quarter) ?? new Map<string, ServiceQuarterCount>();
    services.set(count.serviceId ?? '', count);
    byQuarter.set(count.quarter, services);
  }
  const result: (ServiceQuarterCount & { isStopped: boolean })[] = [];
  for (const quarter of quarters) {
    const current = byQuarter.get(quarter) ?? new Map<string, ServiceQuarterCount>();
    for (const count of current.values()) result.push({ ...count, isStopped: false });
    const before = byQuarter.get(quarterOf(new Date(quarterStart(quarter).getTime() - DAY_MS))) ?? new Map<string, ServiceQuarterCount>();
    for (const [serviceId, count] of before) {
      if (!current.has(serviceId)) result.push({ ...count, quarter, deployments: 0, isStopped: true });
    }
  }
  return result;
}

/** The start of the quarter before the one `date` falls in: counts for withStoppedServices start there. */
export function previousQuarterStart(date: Date): Date {
  return quarterStart(quarterOf(new Date(quarterStart(quarterOf(date)).getTime() - DAY_MS)));
}

/**
 * Days of the quarter that have passed by `now` (all of them for a past quarter), counted from the
 * service's creation when it was created during the quarter.
 */
export function daysObserved(quarter: string, now: Date, createdAt?: Date | null): number {
  const start = Math.max(quarterStart(quarter).getTime(), createdAt?.getTime() ?? 0);
  const end = Math.min(quarterStart(nextQuarter(quarter)).getTime(), now.getTime());
  return Math.max(0, (end - start) / DAY_MS);
}

export function doraSeries(input: {
  quarters: string[];
  aggregates: DoraAggregate[];
  /** Per service and quarter, stopped services included as zeros (withStoppedServices). */
  serviceCounts: (ServiceQuarterCount & { isStopped?: boolean })[];
  bands: BandsLike;
  now: Date;
}): DoraPoint[] {
  const byQuarter = new Map(input.aggregates.map((row) => [row.quarter, row]));
  return input.quarters.map((quarter) => {
    const row = byQuarter.get(quarter);
    const counted = input.serviceCounts.filter((count) => count.quarter === quarter);
    const perService = counted.map((count) => count.deployments / Math.max(daysObserved(quarter, input.now, count.createdAt), 1));
    const values = {
      deploymentsPerDay: percentile(perService, 0.5),
      leadTimeHours: row?.leadTimeMedianHours ?? null,
      changeFailureRate: row ? ratio(row.failures, row.deployments) : null,
      recoveryHours: row?.recoveryMedianHours ?? null,
    };
    const placements: Record<DoraMetric, Placement | null> = {
      deployment_frequency: placeValue(input.bands, 'deployment_frequency', values.deploymentsPerDay),
      lead_time_hours: placeValue(input.bands, 'lead_time_hours', values.leadTimeHours),
      change_failure_rate: placeValue(input.bands, 'change_failure_rate', values.changeFailureRate),
      recovery_hours: placeValue(input.bands, 'recovery_hours', values.recoveryHours),
    };
    return {
      quarter,
      deployments: row?.deployments ?? 0,
      services: counted.length,
      stoppedServices: counted.filter((count) => count.isStopped).length,
      ...values,
      unrecoveredFailures: row?.unrecoveredFailures ?? 0,
      bands: {
        deployment_frequency: placements.deployment_frequency?.band ?? null,
        lead_time_hours: placements.lead_time_hours?.band ?? null,
        change_failure_rate: placements.change_failure_rate?.band ?? null,
        recovery_hours: placements.recovery_hours?.band ?? null,
      },
      placements,
    };
  });
}

/** Share of eligible services on the platform a platform aims for in its first year (the article). */
export const ADOPTION_TARGET = { min: 0.6, max: 0.8 } as const;

export type AdoptionStatus = 'below' | 'within' | 'above';

/** Where the adoption share sits against the 60-80% year-one target; null without deployments. */
export function adoptionStatus(share: number | null): AdoptionStatus | null {
  if (share === null) return null;
  if (share < ADOPTION_TARGET.min) return 'below';
  return share > ADOPTION_TARGET.max ? 'above' : 'within';
}

// ---- Maintained figures ------------------------------------------------------------------------

/** The start of the week or quarter `date` falls in (UTC). */
export function periodFloor(date: Date, kind: 'week' | 'quarter'): Date {
  return kind === 'week' ? new Date(`${weekOf(date)}T00:00:00Z`) : quarterStart(quarterOf(date));
}

function periodCeil(date: Date, kind: 'week' | 'quarter'): Date {
  const floor = periodFloor(date, kind);
  if (floor.getTime() === date.getTime()) return date;
  return kind === 'week' ? new Date(floor.getTime() + 7 * DAY_MS) : quarterStart(nextQuarter(quarterOf(floor)));
}

/**
 * A window cut at period boundaries: the whole periods inside it (read from the maintained figures,
 * migration 0940) and the parts of periods at its edges (at most one period each, read from the
 * deployments). Every period falls in exactly one of them.
 */
export function splitAtPeriods(window: { from: Date; to: Date }, kind: 'week' | 'quarter'): { whole: { from: Date; to: Date } | null; edges: { from: Date; to: Date }[] } {
  const from = periodCeil(window.from, kind);
  const to = periodFloor(window.to, kind);
  if (from >= to) return { whole: null, edges: window.from < window.to ? [window] : [] };
  return {
    whole: { from, to },
    edges: [
      { from: window.from, to: from },
      { from: to, to: window.to },
    ].filter((edge) => edge.from < edge.to),
  };
}
