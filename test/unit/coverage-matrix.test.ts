import { describe, expect, it } from 'vitest';
import { buildCoverage, type CoverageDeveloper } from '@/server/coverage/coverage-matrix';
import { TENURE_LABELS } from '@/server/lib/tenure';

const developer = (values: Partial<CoverageDeveloper> & { id: string }): CoverageDeveloper => ({
  name: values.id,
  teamId: null,
  teamName: null,
  tenureBand: null,
  background: null,
  interviews: 0,
  lastInterviewedOn: null,
  shadowingSessions: 0,
  ...values,
});

describe('buildCoverage', () => {
  it('marks cells with developers but no interview as gaps and counts progress by developers', () => {
    const coverage = buildCoverage(
      [
        developer({ id: 'a', teamId: 't1', teamName: 'Payments', tenureBand: '<1y', interviews: 2 }),
        developer({ id: 'b', teamId: 't1', teamName: 'Payments', tenureBand: '<1y' }),
        developer({ id: 'c', teamId: 't1', teamName: 'Payments', tenureBand: '5y+', shadowingSessions: 1 }),
        developer({ id: 'd', teamId: 't2', teamName: 'Apps', tenureBand: '1-3y', interviews: 1, background: 'Mobile' }),
      ],
      TENURE_LABELS,
    );
    expect(coverage.tenureBands.map((band) => band.key)).toEqual(['<1y', '1-3y', '3-5y', '5y+']);
    expect(coverage.teams.map((team) => team.label)).toEqual(['Apps', 'Payments']);
    const payments = coverage.teams[1];
    expect(payments.cells.map((cell) => [cell.developers, cell.interviewed, cell.interviews, cell.isGap])).toEqual([
      [2, 1, 2, false],
      [0, 0, 0, false],
      [0, 0, 0, false],
      [1, 0, 0, true],
    ]);
    expect(coverage).toMatchObject({ interviewedDevelopers: 2, interviews: 3, shadowedDevelopers: 1, gapCount: 1, directorySize: 4 });
    expect(coverage.progress).toBeCloseTo(2 / 15);
    expect(coverage.backgrounds.map((row) => row.label)).toEqual(['Mobile', 'Unknown']);
  });

  it('caps progress at the target and adds an Unknown tenure column only when needed', () => {
    const many = Array.from({ length: 18 }, (_, index) => developer({ id: `d${index}`, tenureBand: '1-3y', interviews: 1 }));
    const coverage = buildCoverage([...many, developer({ id: 'x' })], TENURE_LABELS);
    expect(coverage.progress).toBe(1);
    expect(coverage.tenureBands.at(-1)).toEqual({ key: 'unknown', label: 'Unknown' });
    expect(coverage.teams.map((team) => team.label)).toEqual(['No team']);
  });
});
