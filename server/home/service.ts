// The weekly review on the home page: the discovery loop at a glance, in one call. It reuses each
// domain's own numbers (coverage, the ranked inventory, the survey trend, adoption) so the home
// page never disagrees with the page it links to (adoption is the metrics page's own headline);
// only the week-by-week counts are its own.
import type { Db } from '@/server/db';
import { getCoverage } from '@/server/coverage/service';
import { rankForInventory } from '@/server/inventory/service';
import { getAdoptionHeadline } from '@/server/metrics/service-adoption';
import { countUntriaged } from '@/server/requests/queries';
import * as roadmapQueries from '@/server/roadmap/queries';
import { getLatestSatisfactionTrend } from '@/server/surveys/service-results';
import * as queries from './queries';
import { periodDays, reviewWeeks, satisfactionOf, ticketWeek } from './review-rules';

const TOP_PAINS = 5;
const NEW_THEMES_SHOWN = 3;
const GAPS_SHOWN = 6;

async function getDiscovery(db: Db) {
  const coverage = await getCoverage(db);
  const gaps = coverage.teams.flatMap((team) =>
    team.cells.flatMap((cell, index) => (cell.isGap ? [{ team: team.label, tenure: coverage.tenureBands[index].label, developers: cell.developers }] : [])),
  );
  return {
    directorySize: coverage.directorySize,
    interviewedDevelopers: coverage.interviewedDevelopers,
    interviews: coverage.interviews,
    shadowedDevelopers: coverage.shadowedDevelopers,
    target: coverage.target,
    progress: coverage.progress,
    gapCount: coverage.gapCount,
    gaps: gaps.slice(0, GAPS_SHOWN),
  };
}

async function getTopPains(db: Db) {
  const inventory = await rankForInventory(db, { filter: {}, sort: 'score' });
  return {
    rankedThemes: inventory.themes.length,
    themes: inventory.themes.slice(0, TOP_PAINS).map((theme) => ({
      rank: theme.rank,
      themeId: theme.themeId,
      title: theme.title,
      affectedDevelopers: theme.affectedDevelopers,
      hoursPerDeveloperPerMonth: theme.hoursPerDeveloperPerMonth,
      hoursLostPerMonth: theme.score,
      isSingleSource: theme.isSingleSource,
    })),
  };
}

async function getInProgress(db: Db) {
  const items = (await roadmapQueries.listItems(db)).filter((item) => item.lane === 'in_progress');
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    targetQuarter: item.target_quarter,
    // Only a published item has a public page; the others are opened in the editor.
    isPublished: item.public_lane !== null,
  }));
}

/** The latest 1-10 score, an aggregate only: never a response, a team or a comment. */
async function getSatisfaction(db: Db) {
  const trend = await getLatestSatisfactionTrend(db);
  if (!trend) return null;
  const score = satisfactionOf(trend.points, trend.surveyId);
  if (!score) return null;
  return { surveyId: trend.surveyId, title: trend.title, quarter: trend.quarter, question: trend.prompt, ...score };
}

async function getChanges(db: Db, weeks: ReturnType<typeof reviewWeeks>) {
  const [counts, newThemes, untriagedRequests] = await Promise.all([
    queries.countWeeklyChanges(db, { ...weeks, thisWeekDays: periodDays(weeks.thisWeek), lastWeekDays: periodDays(weeks.lastWeek) }),
    queries.listNewThemes(db, { ...weeks.thisWeek, limit: NEW_THEMES_SHOWN }),
    countUntriaged(db),
  ]);
  return {
    evidence: { thisWeek: counts.evidenceThisWeek, lastWeek: counts.evidenceLastWeek },
    themes: { thisWeek: counts.themesThisWeek, newest: newThemes },
    tickets: ticketWeek({ thisWeek: counts.ticketsThisWeek, baseline: counts.ticketsBaseline }),
    requests: { thisWeek: counts.requestsThisWeek, lastWeek: counts.requestsLastWeek, untriaged: untriagedRequests },
    surveyResponses: { thisWeek: counts.responsesThisWeek, lastWeek: counts.responsesLastWeek },
    ratings: { thisWeek: counts.ratingsThisWeek, lastWeek: counts.ratingsLastWeek },
  };
}

/** Everything the home page shows; weeks run Monday to Monday in UTC, from `now`. */
export async function getWeeklyReview(db: Db, now = new Date()) {
  const weeks = reviewWeeks(now);
  const [discovery, topPains, inProgress, satisfaction, adoption, changes, members] = await Promise.all([
    getDiscovery(db),
    getTopPains(db),
    getInProgress(db),
    getSatisfaction(db),
    getAdoptionHeadline(db, {}, now),
    getChanges(db, weeks),
    queries.countMembers(db),
  ]);
  return { generatedAt: now, thisWeek: weeks.thisWeek, discovery, topPains, inProgress, satisfaction, adoption, changes, workspace: { members } };
}
