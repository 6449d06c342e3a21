// Who has been listened to: interviews per team x tenure band and per background, the empty
// cells (developers nobody has interviewed yet), and progress toward the 15-20 interviews the
// discovery phase aims for. Pure: directory rows with their interview counts in, the matrix out.
import type { TenureBand } from '@/db/types';

export const TARGET_MIN = 15;
export const TARGET_MAX = 20;
const BANDS: readonly TenureBand[] = ['<1y', '1-3y', '3-5y', '5y+'];

export interface CoverageDeveloper {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  tenureBand: TenureBand | null;
  background: string | null;
  interviews: number;
  lastInterviewedOn: string | null;
  shadowingSessions: number;
}

export interface CoverageCell {
  developers: number;
  /** Developers with at least one interview. */
  interviewed: number;
  interviews: number;
  shadowed: number;
  /** Developers are there but none of them has been interviewed yet. */
  isGap: boolean;
}

export interface CoverageRow extends CoverageCell {
  key: string;
  label: string;
}

export interface Coverage {
  target: { min: number; max: number };
  directorySize: number;
  interviewedDevelopers: number;
  interviews: number;
  shadowedDevelopers: number;
  /** 0-1 toward the lower end of the target, by developers interviewed. */
  progress: number;
  tenureBands: { key: string; label: string }[];
  teams: (CoverageRow & { teamId: string | null; cells: CoverageCell[] })[];
  backgrounds: CoverageRow[];
  gapCount: number;
}

function newCell(): CoverageCell {
  return { developers: 0, interviewed: 0, interviews: 0, shadowed: 0, isGap: false };
}

function add(cell: CoverageCell, developer: CoverageDeveloper) {
  cell.developers += 1;
  cell.interviews += developer.interviews;
  if (developer.interviews > 0) cell.interviewed += 1;
  if (developer.shadowingSessions > 0) cell.shadowed += 1;
  cell.isGap = cell.developers > 0 && cell.interviewed === 0;
}

const NO_TEAM = 'no-team';
const UNKNOWN = 'unknown';

export function buildCoverage(developers: CoverageDeveloper[], tenureLabels: Record<TenureBand, string>): Coverage {
  const hasUnknownTenure = developers.some((developer) => developer.tenureBand === null);
  const bandKeys: string[] = [...BANDS, ...(hasUnknownTenure ? [UNKNOWN] : [])];
  const tenureBands = bandKeys.map((key) => ({ key, label: key === UNKNOWN ? 'Unknown' : tenureLabels[key as TenureBand] }));

  const teams = new Map<string, CoverageRow & { teamId: string | null; cells: CoverageCell[] }>();
  const backgrounds = new Map<string, CoverageRow>();
  for (const developer of developers) {
    const teamKey = developer.teamId ?? NO_TEAM;
    let team = teams.get(teamKey);
    if (!team) {
      team = { key: teamKey, teamId: developer.teamId, label: developer.teamName ?? 'No team', ...newCell(), cells: bandKeys.map(newCell) };
      teams.set(teamKey, team);
    }
    add(team, developer);
    add(team.cells[bandKeys.indexOf(developer.tenureBand ?? UNKNOWN)], developer);

    const backgroundKey = developer.background?.trim().toLowerCase() || UNKNOWN;
    let background = backgrounds.get(backgroundKey);
    if (!background) {
      background = { key: backgroundKey, label: developer.background?.trim() || 'Unknown', ...newCell() };
      backgrounds.set(backgroundKey, background);
    }
    add(background, developer);
  }

  const byLabel = (a: CoverageRow, b: CoverageRow) =>
    Number(a.key === NO_TEAM || a.key === UNKNOWN) - Number(b.key === NO_TEAM || b.key === UNKNOWN) || a.label.localeCompare(b.label);
  const teamRows = [...teams.values()].sort(byLabel);
  const interviewedDevelopers = developers.filter((developer) => developer.interviews > 0).length;
  return {
    target: { min: TARGET_MIN, max: TARGET_MAX },
    directorySize: developers.length,
    interviewedDevelopers,
    interviews: developers.reduce((sum, developer) => sum + developer.interviews, 0),
    shadowedDevelopers: developers.filter((developer) => developer.shadowingSessions > 0).length,
    progress: Math.min(1, interviewedDevelopers / TARGET_MIN),
    tenureBands,
    teams: teamRows,
    backgrounds: [...backgrounds.values()].sort(byLabel),
    gapCount: teamRows.reduce((sum, team) => sum + team.cells.filter((cell) => cell.isGap).length, 0),
  };
}
