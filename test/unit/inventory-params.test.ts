import { describe, expect, it } from 'vitest';
import {
  describeDeveloper,
  describeFilter,
  inventoryQuerySchema,
  inventorySearchParams,
  isFiltered,
  parseInventoryParams,
  teamLabel,
} from '@/server/inventory/inventory-params';

const TEAM = '4f6c2a9e-3b1d-4c8e-9f0a-1b2c3d4e5f60';

describe('parseInventoryParams', () => {
  it('reads every filter and the sort from the URL, with lists as commas or repeats', () => {
    expect(
      parseInventoryParams({ from: '2026-01-01', to: '2026-03-31', teamId: TEAM, tenureBand: '1-3y', background: ' backend ', sourceKinds: 'interview,ticket', sort: 'reach' }),
    ).toEqual({
      filter: { from: '2026-01-01', to: '2026-03-31', teamId: TEAM, tenureBand: '1-3y', background: 'backend', sourceKinds: ['interview', 'ticket'] },
      sort: 'reach',
      problems: [],
    });
    expect(parseInventoryParams({ sourceKinds: ['survey', 'rating,request'] }).filter.sourceKinds).toEqual(['survey', 'rating', 'request']);
    expect(parseInventoryParams({})).toEqual({ filter: {}, sort: 'score', problems: [] });
    expect(parseInventoryParams({ from: '', teamId: '', sourceKinds: '' })).toEqual({ filter: {}, sort: 'score', problems: [] });
  });

  it('reports a bad value, ignores it, and keeps the others', () => {
    const parsed = parseInventoryParams({ from: '31/03/2026', teamId: TEAM, sourceKinds: 'interview,email', sort: 'loudest', tenureBand: 'ten years' });
    expect(parsed.filter).toEqual({ teamId: TEAM });
    expect(parsed.sort).toBe('score');
    expect(parsed.problems.map((problem) => problem.parameter)).toEqual(['from', 'tenureBand', 'sourceKinds', 'sort']);
    expect(parsed.problems[0].message).toBe('Use a date like 2026-03-31');
  });

  it('drops an end date before the start date', () => {
    const parsed = parseInventoryParams({ from: '2026-05-01', to: '2026-01-01' });
    expect(parsed.filter).toEqual({ from: '2026-05-01' });
    expect(parsed.problems).toEqual([{ parameter: 'to', message: 'The end date is before the start date' }]);
  });

  it('round-trips through inventorySearchParams', () => {
    const filter = { from: '2026-01-01', teamId: TEAM, sourceKinds: ['interview' as const, 'survey' as const], background: 'data' };
    const params = inventorySearchParams(filter, { sort: 'affected', page: undefined });
    expect(params.toString()).toBe(`from=2026-01-01&teamId=${TEAM}&background=data&sourceKinds=interview%2Csurvey&sort=affected`);
    expect(parseInventoryParams(Object.fromEntries(params))).toMatchObject({ filter, sort: 'affected', problems: [] });
    expect(isFiltered(filter)).toBe(true);
    expect(isFiltered({ sourceKinds: [] })).toBe(false);
  });

  it('gives the API a schema that names each parameter', () => {
    const result = inventoryQuerySchema.safeParse({ teamId: 'payments' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['teamId']);
  });
});

describe('describing a view and a developer', () => {
  it('says what evidence a filtered view covers', () => {
    expect(describeFilter({})).toBe('All evidence, whole directory');
    expect(describeFilter({ teamId: TEAM, tenureBand: '<1y', background: 'mobile', sourceKinds: ['ticket', 'postmortem'], from: '2026-01-01', to: '2026-02-01' }, { teamName: 'Payments' })).toBe(
      'Team Payments, less than 1 year, mobile developers, from ticket, post-mortem, 2026-01-01 to 2026-02-01',
    );
    expect(describeFilter({ teamId: TEAM, to: '2026-02-01' })).toBe('one team, until 2026-02-01');
  });

  it('attributes a quote by background, tenure and team, never by name', () => {
    expect(describeDeveloper({ background: 'backend', tenureBand: '1-3y', teamName: 'Payments' })).toBe('backend developer, 1-3 years, Team Payments');
    expect(describeDeveloper({ background: null, tenureBand: '5y+', teamName: 'Team Search' })).toBe('developer, 5+ years, Team Search');
    expect(describeDeveloper({ background: null, tenureBand: null, teamName: null })).toBe('developer');
    expect(describeDeveloper(null)).toBe('unattributed');
    expect(teamLabel('teamwork')).toBe('Team teamwork');
  });
});
