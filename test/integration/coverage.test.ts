// The coverage view: interviews per team x tenure band and per background, gaps, progress.
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { addParticipant } from '@/test/helpers/fixtures';
import { startWorkspace, type Caller } from '@/test/helpers/workspace';

let handle: DbHandle;
let editor: Caller;
startWorkspace({}, (ws) => ({ handle, editor } = ws));

describe('coverage', () => {
  it('is empty for an empty directory', async () => {
    expect(await editor.coverage.get()).toMatchObject({ directorySize: 0, interviews: 0, teams: [], progress: 0, target: { min: 15, max: 20 } });
  });

  it('counts interviews per team and tenure band, marks the gaps and leaves archived developers out', async () => {
    const ada = await addParticipant(handle, { name: 'Ada', teamName: 'Payments', tenureBand: '1-3y', background: 'backend' });
    await addParticipant(handle, { name: 'Mei', teamName: 'Payments', tenureBand: '5y+', background: 'SRE' });
    const jonas = await addParticipant(handle, { name: 'Jonas', teamName: 'Search', tenureBand: '1-3y', background: 'Backend' });
    await addParticipant(handle, { name: 'Nobody', background: 'data' });
    await addParticipant(handle, { name: 'Left', teamName: 'Search', tenureBand: '<1y', isArchived: true });
    await editor.interviews.create({ participantId: ada.id, interviewedOn: '2026-01-10' });
    await editor.interviews.create({ participantId: ada.id, interviewedOn: '2026-01-20' });
    await editor.interviews.create({ participantId: jonas.id, interviewedOn: '2026-01-12' });
    await editor.shadowing.create({ participantId: jonas.id, scenario: 'other' });

    const coverage = await editor.coverage.get();
    expect(coverage).toMatchObject({ directorySize: 4, interviewedDevelopers: 2, interviews: 3, shadowedDevelopers: 1, gapCount: 2 });
    expect(coverage.progress).toBeCloseTo(2 / 15);
    expect(coverage.tenureBands.map((band) => band.key)).toEqual(['<1y', '1-3y', '3-5y', '5y+', 'unknown']);
    const payments = coverage.teams.find((team) => team.label === 'Payments')!;
    expect(payments.cells.map((cell) => [cell.developers, cell.interviewed, cell.interviews, cell.isGap])).toEqual([
      [0, 0, 0, false],
      [1, 1, 2, false],
      [0, 0, 0, false],
      [1, 0, 0, true],
      [0, 0, 0, false],
    ]);
    expect(coverage.teams.map((team) => team.label)).toEqual(['Payments', 'Search', 'No team']);
    expect(coverage.teams[2].cells[4]).toMatchObject({ developers: 1, isGap: true });
    // Backgrounds are grouped whatever their letter case.
    expect(coverage.backgrounds.map((row) => [row.label, row.developers, row.interviewed])).toEqual([
      ['backend', 2, 2],
      ['data', 1, 0],
      ['SRE', 1, 0],
    ]);
    expect(coverage.developers.find((developer) => developer.name === 'Ada')).toMatchObject({ interviews: 2, lastInterviewedOn: '2026-01-20' });
  });
});
