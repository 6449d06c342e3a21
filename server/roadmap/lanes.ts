// Lane and quarter names, shared by the server and the pages (kept free of zod so client
// components can use them cheaply). Pure.
import type { RoadmapLane } from '@/db/types';

export const LANES = ['in_progress', 'planned', 'requested', 'shipped', 'declined'] as const satisfies readonly RoadmapLane[];

export const LANE_LABELS: Record<RoadmapLane, string> = {
  in_progress: 'In progress',
  planned: 'Planned',
  requested: 'Requested — not yet prioritized',
  shipped: 'Shipped',
  declined: 'Declined',
};

/** Short names for badges and history lines. */
export const LANE_SHORT_LABELS: Record<RoadmapLane, string> = {
  in_progress: 'In progress',
  planned: 'Planned',
  requested: 'Requested',
  shipped: 'Shipped',
  declined: 'Declined',
};

/** The lanes of the public board; shipped items make the changelog, declined ones stay off it. */
export const BOARD_LANES = ['in_progress', 'planned', 'requested'] as const satisfies readonly RoadmapLane[];

/** Developers vote on what is not decided yet: shipped and declined items take no votes. */
export function isVotableLane(lane: RoadmapLane | null): boolean {
  return lane === 'in_progress' || lane === 'planned' || lane === 'requested';
}

export const QUARTER = /^(\d{4})-Q([1-4])$/;

/** '2026-Q3' -> 'Q3 2026'. */
export function quarterLabel(quarter: string): string {
  const match = QUARTER.exec(quarter);
  return match ? `Q${match[2]} ${match[1]}` : quarter;
}

/** 'YYYY-Qn' of a moment, in UTC. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

function shiftQuarter(quarter: string, by: number): string {
  const match = QUARTER.exec(quarter)!;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarters a target can be picked from: a couple behind (late items), several ahead. */
export function quarterOptions(now: Date, before = 2, after = 6): string[] {
  const current = quarterOf(now);
  return Array.from({ length: before + after + 1 }, (_, i) => shiftQuarter(current, i - before));
}

// ---- Ordering ----------------------------------------------------------------------------------

export type LaneOrder = Record<RoadmapLane, string[]>;

/**
 * Moves an item to `index` in `lane` (clamped), taking it out of wherever it was. Returns the new
 * order of every lane; positions are the indexes.
 */
export function moveInLanes(order: LaneOrder, input: { id: string; lane: RoadmapLane; index: number }): LaneOrder {
  const next = Object.fromEntries(LANES.map((lane) => [lane, order[lane].filter((id) => id !== input.id)])) as LaneOrder;
  const target = next[input.lane];
  const index = Math.max(0, Math.min(target.length, Math.trunc(input.index)));
  target.splice(index, 0, input.id);
  return next;
}
