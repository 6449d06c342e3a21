// The public roadmap as developers see it: three lanes, and shipped items as a changelog by
// quarter. Every item says why it is there in public words: its pain themes' statements and how
// many developers they affect. Built only from the public copy of items. Pure.
import type { RoadmapLane } from '@/db/types';
import { BOARD_LANES, isVotableLane, LANE_LABELS, quarterLabel, quarterOf } from './rules';

export interface PublicTheme {
  title: string;
  affectedDevelopers: number;
}

export interface PublicCard {
  id: string;
  title: string;
  lane: RoadmapLane;
  targetQuarter: string | null;
  votes: number;
  isVotable: boolean;
  themes: PublicTheme[];
}

export interface PublicBoard {
  updatedAt: Date | null;
  lanes: { lane: RoadmapLane; label: string; items: PublicCard[] }[];
  shipped: { quarter: string; label: string; items: PublicCard[] }[];
}

export interface PublicItemRow {
  id: string;
  public_title: string | null;
  public_quarter: string | null;
  public_lane: RoadmapLane | null;
  public_position: number | null;
  public_updated_at: Date | null;
  shipped_at: Date | null;
}

/** The themes an item shows publicly: the ones still ranked (live), most developers first. */
export function publicThemesOf(themeIds: string[], numbers: Map<string, { title: string; affectedDevelopers: number }>): PublicTheme[] {
  return themeIds
    .map((id) => numbers.get(id))
    .filter((theme): theme is { title: string; affectedDevelopers: number } => Boolean(theme))
    .map((theme) => ({ title: theme.title, affectedDevelopers: theme.affectedDevelopers }))
    .sort((a, b) => b.affectedDevelopers - a.affectedDevelopers || a.title.localeCompare(b.title));
}

export function assemblePublicBoard(input: {
  items: PublicItemRow[];
  themeIdsByItem: Map<string, string[]>;
  themeNumbers: Map<string, { title: string; affectedDevelopers: number }>;
  votes: Map<string, number>;
  updatedAt: Date | null;
}): PublicBoard {
  const cards = input.items
    .filter((item) => item.public_lane && item.public_title)
    .sort((a, b) => (a.public_position ?? 0) - (b.public_position ?? 0))
    .map((item) => ({
      row: item,
      card: {
        id: item.id,
        title: item.public_title!,
        lane: item.public_lane!,
        targetQuarter: item.public_quarter,
        votes: input.votes.get(item.id) ?? 0,
        isVotable: isVotableLane(item.public_lane),
        themes: publicThemesOf(input.themeIdsByItem.get(item.id) ?? [], input.themeNumbers),
      } satisfies PublicCard,
    }));

  const shippedByQuarter = new Map<string, { at: number; card: PublicCard }[]>();
  for (const { row, card } of cards) {
    if (card.lane !== 'shipped') continue;
    const at = row.shipped_at ?? row.public_updated_at ?? new Date(0);
    const quarter = quarterOf(at);
    shippedByQuarter.set(quarter, [...(shippedByQuarter.get(quarter) ?? []), { at: at.getTime(), card }]);
  }

  return {
    updatedAt: input.updatedAt,
    lanes: BOARD_LANES.map((lane) => ({ lane, label: LANE_LABELS[lane], items: cards.filter(({ card }) => card.lane === lane).map(({ card }) => card) })),
    shipped: [...shippedByQuarter.entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([quarter, entries]) => ({
        quarter,
        label: quarterLabel(quarter),
        items: entries.sort((a, b) => b.at - a.at).map((entry) => entry.card),
      })),
  };
}
