// In-flow ratings: admins register flows and the origins allowed to embed the widget; anyone
// rates a flow (no account; the score, an optional comment and the day are all that is kept);
// the Ratings pages read averages, distributions, weekly trends and comments.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { isUniqueViolation } from '@/server/lib/db-errors';
import { addDays } from '@/server/surveys/rules';
import { distributionOf, meanOf, totalOf, weeklySeriesOf, type ScoreCount } from '@/server/surveys/statistics';
import * as queries from './queries';
import type { RatingBody } from './rules';

/** Per client and minute, counted by the endpoint before it reads the body: a person rates a flow a few times a day at most. */
export const RATING_RATE_LIMIT = { name: 'rating', limit: 60, windowSeconds: 60 };
const TREND_WEEKS = 26;

async function requireFlow(db: Db, key: string) {
  const flow = await queries.findFlowByKey(db, { key });
  if (!flow) throw new AppError('NOT_FOUND', `There is no rating flow "${key}". An admin registers flows on the Ratings page of Frictionlog.`, { field: 'flow' });
  return flow;
}

/**
 * Stores one rating. A browser's Origin must be one the flow allows (its CORS list); callers
 * without an Origin (a CLI, a CI job) are not browsers and need none.
 */
export async function submitRating(db: Db, input: { body: RatingBody; origin: string | null; today: string }) {
  const row = await queries.insertRatingForFlow(db, {
    key: input.body.flow,
    origin: input.origin,
    score: input.body.score,
    comment: input.body.comment,
    ratedOn: input.today,
  });
  if (row) return { id: row.id, flow: input.body.flow, score: input.body.score };
  // Nothing stored: say why.
  const flow = await requireFlow(db, input.body.flow);
  throw new AppError(
    'FORBIDDEN',
    `The flow "${flow.key}" does not take ratings from pages on ${input.origin}. An admin can allow this origin in the flow's settings.`,
    { field: 'origin' },
  );
}

/** Whether a browser page on this origin may call the ratings API at all (for the preflight and errors). */
export async function isOriginAllowed(db: Db, input: { origin: string | null }): Promise<boolean> {
  return input.origin !== null && queries.isOriginAllowedByAnyFlow(db, { origin: input.origin });
}

// ---- Flows -----------------------------------------------------------------------------------

export async function createFlow(db: Db, input: { key: string; name: string; allowedOrigins: string[]; createdBy: string | null }) {
  try {
    return await queries.insertFlow(db, { key: input.key, name: input.name, allowed_origins: input.allowedOrigins, created_by: input.createdBy });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A flow with the key "${input.key}" exists already.`, { field: 'key' });
    throw error;
  }
}

export async function updateFlow(db: Db, input: { id: string; name: string; allowedOrigins: string[] }) {
  const row = await queries.updateFlow(db, { id: input.id, name: input.name, allowed_origins: input.allowedOrigins });
  if (!row) throw new AppError('NOT_FOUND', 'This flow no longer exists.');
  return row;
}

export async function listFlows(db: Db, input: { today: string }) {
  const rows = await queries.listFlows(db, { since: addDays(input.today, -29) });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    allowedOrigins: row.allowed_origins,
    ratingCount: row.rating_count,
    average: row.average === null ? null : Math.round(row.average * 100) / 100,
    recentCount: row.recent_count,
    recentAverage: row.recent_average === null ? null : Math.round(row.recent_average * 100) / 100,
    commentCount: row.comment_count,
  }));
}

/** At least twelve weeks on the chart, at most TREND_WEEKS, starting at the first rating when it fits. */
function trendStart(first: string | undefined, earliest: string, twelveWeeksAgo: string): string {
  if (!first || first >= twelveWeeksAgo) return twelveWeeksAgo;
  return first > earliest ? first : earliest;
}

export async function getFlow(db: Db, input: { key: string; today: string }) {
  const flow = await requireFlow(db, input.key);
  const days = await queries.countScoresByDay(db, { flowId: flow.id });
  const counts: ScoreCount[] = days.map((row) => ({ score: row.score, count: row.count }));
  const earliest = addDays(input.today, -(TREND_WEEKS - 1) * 7);
  const first = days[0]?.day;
  return {
    id: flow.id,
    key: flow.key,
    name: flow.name,
    allowedOrigins: flow.allowed_origins,
    ratingCount: totalOf(counts),
    average: meanOf(counts),
    distribution: distributionOf(counts, { min: 1, max: 5 }),
    weekly: weeklySeriesOf(
      days.filter((row) => row.day >= earliest).map((row) => ({ day: row.day, counts: [{ score: row.score, count: row.count }] })),
      { from: trendStart(first, earliest, addDays(input.today, -11 * 7)), to: input.today },
    ),
  };
}

export async function listFlowComments(db: Db, input: { key: string; limit: number; offset: number }) {
  const flow = await requireFlow(db, input.key);
  const { rows, total } = await queries.listComments(db, { flowId: flow.id, limit: input.limit, offset: input.offset });
  return { total, rows: rows.map((row) => ({ id: row.id, score: row.score, comment: row.comment, ratedOn: row.rated_on })) };
}

