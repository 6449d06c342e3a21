// How a quote is attributed outside the workspace (share links, exports without names): only as
// precisely as keeps the person unrecognisable. The attribution "backend developer, 1-3 years,
// Team Payments" drops its most specific part (team, then tenure, then background) until at least
// five active developers of the directory match it (DESIGN.md, end of "Ranking"). Pure.
import type { TenureBand } from '@/db/types';
import { describeDeveloper } from './inventory-params';

/** At least this many active developers must match an attribution shown outside the workspace. */
export const MIN_MATCHING_DEVELOPERS = 5;

export interface DeveloperProfile {
  background: string | null;
  tenureBand: TenureBand | null;
  teamName: string | null;
}

/** Active developers of the directory sharing one profile, and how many they are. */
export interface DirectoryProfileCount extends DeveloperProfile {
  count: number;
}

const sameBackground = (a: string | null, b: string | null) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** The attributions to try, most precise first: all parts, then without team, then without tenure. */
function levels(developer: DeveloperProfile): DeveloperProfile[] {
  return [
    developer,
    { ...developer, teamName: null },
    { ...developer, teamName: null, tenureBand: null },
  ];
}

/** How many active developers match every part the attribution states. */
export function countMatching(profile: DeveloperProfile, directory: DirectoryProfileCount[]): number {
  let count = 0;
  for (const group of directory) {
    if (profile.background && !sameBackground(profile.background, group.background)) continue;
    if (profile.tenureBand && profile.tenureBand !== group.tenureBand) continue;
    if (profile.teamName && profile.teamName !== group.teamName) continue;
    count += group.count;
  }
  return count;
}

/**
 * The most precise attribution that at least MIN_MATCHING_DEVELOPERS active developers match:
 * "backend developer, 1-3 years, Team Payments", "backend developer, 1-3 years", "backend
 * developer", or "a developer". Unattributed evidence says "unattributed".
 */
export function attributeAnonymously(developer: DeveloperProfile | null, directory: DirectoryProfileCount[]): string {
  if (!developer) return describeDeveloper(null);
  for (const level of levels(developer)) {
    const statesSomething = Boolean(level.background || level.tenureBand || level.teamName);
    if (statesSomething && countMatching(level, directory) >= MIN_MATCHING_DEVELOPERS) return describeDeveloper(level);
  }
  return 'a developer';
}
