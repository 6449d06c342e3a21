// A developer's page: who they are, what was recorded with them (interviews, shadowing sessions,
// tickets, evidence) and the pain themes they are affected by, with the ranking's own numbers for
// each theme (the cached, unfiltered inventory) beside this developer's share of it.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { rankForInventory } from '@/server/inventory/service';
import { developerMonthlyMinutes, type LargerFigure } from '@/server/inventory/rank-themes';
import { summariseDeveloperThemes } from '@/server/inventory/queries';
import * as queries from './queries';

export interface DeveloperTheme {
  themeId: string;
  title: string;
  /** The theme's place in the pain inventory (by score), as the inventory page shows it. */
  rank: number;
  affectedDevelopers: number;
  hoursPerDeveloperPerMonth: number | null;
  score: number | null;
  /** This developer's evidence items tagged into the theme. */
  evidenceCount: number;
  /** This developer's monthly minutes for the theme, the figure the theme's median is taken over. */
  monthlyMinutes: number | null;
  larger: LargerFigure | null;
}

export async function getDeveloperProfile(db: Db, input: { id: string }) {
  const [developer, interviews, sessions, tickets, evidence, ownThemes, inventory] = await Promise.all([
    queries.findDeveloper(db, input),
    queries.listDeveloperInterviews(db, { participantId: input.id }),
    queries.listDeveloperSessions(db, { participantId: input.id }),
    queries.listDeveloperTickets(db, { participantId: input.id }),
    queries.listDeveloperEvidence(db, { participantId: input.id }),
    summariseDeveloperThemes(db, { participantId: input.id }),
    rankForInventory(db, { filter: {}, sort: 'score' }),
  ]);
  if (!developer) throw new AppError('NOT_FOUND', 'This developer is not in the directory.');

  const ranked = new Map(inventory.themes.map((theme) => [theme.themeId, theme]));
  const themes: DeveloperTheme[] = [];
  for (const own of ownThemes) {
    const theme = ranked.get(own.themeId);
    if (!theme) continue;
    const time = developerMonthlyMinutes({ largestRecurring: own.largestRecurring, singleMinutes: own.singleMinutes }, inventory.window.months);
    themes.push({
      themeId: theme.themeId,
      title: theme.title,
      rank: theme.rank,
      affectedDevelopers: theme.affectedDevelopers,
      hoursPerDeveloperPerMonth: theme.hoursPerDeveloperPerMonth,
      score: theme.score,
      evidenceCount: own.evidenceCount,
      monthlyMinutes: time.monthlyMinutes,
      larger: time.larger,
    });
  }
  themes.sort((a, b) => a.rank - b.rank);
  return { developer, interviews, sessions, tickets, evidence, themes, window: inventory.window, listLimit: queries.PROFILE_LIST_LIMIT };
}
