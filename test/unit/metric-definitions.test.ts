import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  adoptionSeries,
  daysObserved,
  doraSeries,
  percentile,
  quarterOf,
  quartersBetween,
  splitAtPeriods,
  previousQuarterStart,
  timeToFirstDeploy,
  weekOf,
  withStoppedServices,
} from '@/server/metrics/definitions';
import { parseDoraBands } from '@/server/metrics/dora-bands';
import { deploymentEventSchema, MAX_EVENTS_PER_BATCH, validateEventBatch } from '@/server/metrics/events';

const bands = parseDoraBands(fs.readFileSync(path.join(process.cwd(), 'server/metrics/dora-bands-2024.yaml'), 'utf8'), 'x');

describe('periods in UTC', () => {
  it('puts a time in its UTC quarter and week, whatever zone it was sent in', () => {
    // 23:30 on 31 March in New York is 03:30 on 1 April UTC: the second quarter.
    expect(quarterOf(new Date('2026-03-31T23:30:00-04:00'))).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-03-31T23:30:00Z'))).toBe('2026-Q1');
    expect(weekOf(new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-23'); // a Sunday
    expect(weekOf(new Date('2026-11-30T01:00:00+02:00'))).toBe('2026-11-23'); // still Sunday in UTC
    expect(quartersBetween(new Date('2025-11-01Z'), new Date('2026-04-02Z'))).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('counts only the days of the current quarter that have passed', () => {
    expect(daysObserved('2026-Q1', new Date('2026-12-01Z'))).toBe(90);
    expect(daysObserved('2026-Q4', new Date('2026-10-11T00:00:00Z'))).toBe(10);
    // A service created on 1 November is observed from then on, not from 1 October.
    expect(daysObserved('2026-Q4', new Date('2026-11-11T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toBe(10);
  });

  it('interpolates percentiles like percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([10], 0.9)).toBe(10);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([0, 10], 0.9)).toBe(9);
  });
});

describe('adoption', () => {
  it('gives deployment and service shares, and no rate for an empty period', () => {
    const series = adoptionSeries(
      [{ period: '2026-01-05', deployments: 10, platformDeployments: 7, services: 4, platformServices: 3 }],
      ['2026-01-05', '2026-01-12'],
    );
    expect(series[0]).toMatchObject({ deploymentShare: 0.7, serviceShare: 0.75 });
    expect(series[1]).toMatchObject({ deployments: 0, deploymentShare: null, serviceShare: null });
  });
});

describe('stopped services', () => {
  it('count as zero in the quarter after their last deployment, and only in that one', () => {
    const counts = [
      { quarter: '2025-Q4', serviceId: 'a', deployments: 30 },
      { quarter: '2025-Q4', serviceId: 'b', deployments: 9 },
      { quarter: '2026-Q1', serviceId: 'a', deployments: 45 },
      { quarter: '2026-Q1', serviceId: 'c', deployments: 90 },
    ];
    const result = withStoppedServices(counts, ['2026-Q1', '2026-Q2']);
    expect(result.map((count) => [count.quarter, count.serviceId, count.deployments, count.isStopped])).toEqual([
      ['2026-Q1', 'a', 45, false],
      ['2026-Q1', 'c', 90, false],
      ['2026-Q1', 'b', 0, true], // deployed in 2025-Q4, not in 2026-Q1
      ['2026-Q2', 'a', 0, true],
      ['2026-Q2', 'c', 0, true],
    ]);
    // The median over a, b (stopped) and c is 0.5 a day, not the 0.75 of the two still deploying.
    const [q1] = doraSeries({ quarters: ['2026-Q1'], aggregates: [], serviceCounts: result, bands, now: new Date('2026-12-01Z') });
    expect(q1).toMatchObject({ services: 3, stoppedServices: 1, deploymentsPerDay: 0.5 });
    expect(previousQuarterStart(new Date('2026-02-10T00:00:00Z'))).toEqual(new Date('2025-10-01T00:00:00Z'));
  });
});

describe('time to first deploy', () => {
  it('splits platform users from others, counts services still waiting, skips unknown starts', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    const after = (hours: number) => new Date(created.getTime() + hours * 3_600_000);
    const result = timeToFirstDeploy([
      { repositoryCreatedAt: created, firstSuccessAt: after(2), firstSuccessViaPlatform: true },
      { repositoryCreatedAt: created, firstSuccessAt: after(4), firstSuccessViaPlatform: true },
      { repositoryCreatedAt: created, firstSuccessAt: after(48), firstSuccessViaPlatform: false },
      { repositoryCreatedAt: created, firstSuccessAt: null, firstSuccessViaPlatform: null }, // a service with no deploys
      { repositoryCreatedAt: null, firstSuccessAt: after(1), firstSuccessViaPlatform: true },
    ]);
    expect(result).toEqual({
      platform: { services: 2, medianHours: 3, p90Hours: 3.8 },
      other: { services: 1, medianHours: 48, p90Hours: 48 },
      waiting: 1,
    });
  });
});

describe('DORA per quarter', () => {
  it('computes the four keys with their bands, and leaves an empty quarter unknown', () => {
    const [q1, q2] = doraSeries({
      quarters: ['2026-Q1', '2026-Q2'],
      aggregates: [{ quarter: '2026-Q1', deployments: 40, failures: 4, leadTimeMedianHours: 20, recoveryMedianHours: 3, unrecoveredFailures: 1 }],
      // Three services: 90, 9 and 45 deployments in 90 days -> 1, 0.1 and 0.5 a day; median 0.5.
      serviceCounts: [
        { quarter: '2026-Q1', deployments: 90 },
        { quarter: '2026-Q1', deployments: 9 },
        { quarter: '2026-Q1', deployments: 45 },
      ],
      bands,
      now: new Date('2026-12-01Z'),
    });
    expect(q1).toEqual({
      quarter: '2026-Q1',
      deployments: 40,
      deploymentsPerDay: 0.5,
      leadTimeHours: 20,
      changeFailureRate: 0.1,
      recoveryHours: 3,
      unrecoveredFailures: 1,
      services: 3,
      stoppedServices: 0,
      bands: { deployment_frequency: 'high', lead_time_hours: 'elite', change_failure_rate: 'high', recovery_hours: 'high' },
      placements: {
        deployment_frequency: { band: 'high', tiedWith: [] },
        lead_time_hours: { band: 'elite', tiedWith: [] },
        change_failure_rate: { band: 'high', tiedWith: [] },
        recovery_hours: { band: 'high', tiedWith: ['medium'] },
      },
    });
    expect(q2).toMatchObject({ deployments: 0, deploymentsPerDay: null, changeFailureRate: null, bands: { deployment_frequency: null, change_failure_rate: null } });
  });
});

describe('validateEventBatch', () => {
  const event = {
    eventId: 'd-1',
    service: 'payments-api',
    team: 'Payments',
    viaPlatform: true,
    commitAt: '2026-03-01T10:00:00+01:00',
    deployedAt: '2026-03-01T10:30:00Z',
    outcome: 'failure',
    recoveredAt: '2026-03-01T11:00:00Z',
  };

  it('accepts one event, an array or { events }', () => {
    expect(validateEventBatch(event, deploymentEventSchema).events).toHaveLength(1);
    expect(validateEventBatch([event, { ...event, eventId: 'd-2' }], deploymentEventSchema).events).toHaveLength(2);
    expect(validateEventBatch({ events: [event] }, deploymentEventSchema).events[0].commitAt.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses the whole batch when any event is wrong, listing each error with its index', () => {
    const result = validateEventBatch(
      [
        event,
        { ...event, eventId: 'd-2', deployedAt: '2026-03-01T08:00:00Z' },
        { ...event, eventId: 'd-3', recoveredAt: '2026-03-01T10:00:00Z' },
        { ...event, eventId: 'd-4', outcome: 'rolled-back' },
        { ...event, eventId: 'd-1' },
        { ...event, eventId: 'd-6', commitAt: '2026-03-01 10:00' },
      ],
      deploymentEventSchema,
    );
    expect(result.events).toEqual([]);
    expect(result.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'deployedAt'],
      [2, 'recoveredAt'],
      [3, 'outcome'],
      [4, 'eventId'],
      [5, 'commitAt'],
    ]);
    expect(result.problems[0].message).toContain('before commitAt');
    expect(result.problems[1].message).toContain('recovery cannot come before the failure');
  });

  it('refuses more than 100,000 events, naming the limit', () => {
    const batch = { events: Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event) };
    expect(validateEventBatch(batch, deploymentEventSchema).problems).toEqual([
      { index: MAX_EVENTS_PER_BATCH, field: null, message: 'The batch has 100001 events; the limit is 100000 per request.' },
    ]);
  });
});

describe('splitAtPeriods (whole periods from the maintained figures, edges from the deployments)', () => {
  const at = (text: string) => new Date(text);
  it('reads a window of whole quarters whole, and cuts the partial weeks at a quarter window\'s edges', () => {
    expect(splitAtPeriods({ from: at('2026-01-01T00:00:00Z'), to: at('2026-07-01T00:00:00Z') }, 'quarter')).toEqual({
      whole: { from: at('2026-01-01T00:00:00Z'), to: at('2026-07-01T00:00:00Z') },
      edges: [],
    });
    // 1 January 2026 is a Thursday, 1 July a Wednesday.
    expect(splitAtPeriods({ from: at('2026-01-01T00:00:00Z'), to: at('2026-07-01T00:00:00Z') }, 'week')).toEqual({
      whole: { from: at('2026-01-05T00:00:00Z'), to: at('2026-06-29T00:00:00Z') },
      edges: [
        { from: at('2026-01-01T00:00:00Z'), to: at('2026-01-05T00:00:00Z') },
        { from: at('2026-06-29T00:00:00Z'), to: at('2026-07-01T00:00:00Z') },
      ],
    });
  });

  it('leaves a window inside one period, or empty, to the deployments alone', () => {
    const window = { from: at('2026-02-10T12:00:00Z'), to: at('2026-03-01T00:00:00Z') };
    expect(splitAtPeriods(window, 'quarter')).toEqual({ whole: null, edges: [window] });
    expect(splitAtPeriods({ from: window.to, to: window.to }, 'week')).toEqual({ whole: null, edges: [] });
  });
});
