// Kysely queries for rating flows and ratings.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

const flowColumns = ['rating_flows.id', 'rating_flows.key', 'rating_flows.name', 'rating_flows.allowed_origins', 'rating_flows.created_at'] as const;

export async function findFlowByKey(db: Db, input: { key: string }) {
  return db.selectFrom('rating_flows').select([...flowColumns]).where('rating_flows.key', '=', input.key).executeTakeFirst();
}

/** Every flow with its number of ratings and average, all time and over the last 30 days. */
export async function listFlows(db: Db, input: { since: string }) {
  return db
    .selectFrom('rating_flows')
    .leftJoin('ratings', 'ratings.flow_id', 'rating_flows.id')
    .select([
      ...flowColumns,
      sql<number>`count(ratings.id)::int`.as('rating_count'),
      sql<number | null>`avg(ratings.score)::float8`.as('average'),
      sql<number>`count(ratings.id) filter (where ratings.rated_on >= ${input.since})::int`.as('recent_count'),
      sql<number | null>`(avg(ratings.score) filter (where ratings.rated_on >= ${input.since}))::float8`.as('recent_average'),
      sql<number>`count(ratings.comment)::int`.as('comment_count'),
    ])
    .groupBy('rating_flows.id')
    .orderBy(sql`lower(rating_flows.name)`)
    .execute();
}

export async function insertFlow(db: Db, input: { key: string; name: string; allowed_origins: string[]; created_by: string | null }) {
  return db.insertInto('rating_flows').values(input).returning(['id', 'key']).executeTakeFirstOrThrow();
}

export async function updateFlow(db: Db, input: { id: string; name: string; allowed_origins: string[] }) {
  return db
    .updateTable('rating_flows')
    .set({ name: input.name, allowed_origins: input.allowed_origins, updated_at: new Date() })
    .where('id', '=', input.id)
    .returning(['id', 'key'])
    .executeTakeFirst();
}

export async function isOriginAllowedByAnyFlow(db: Db, input: { origin: string }): Promise<boolean> {
  const row = await db
    .selectFrom('rating_flows')
    .select('id')
    .where(sql<boolean>`${input.origin} = any(allowed_origins)`)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Stores a rating for the flow with this key, if there is one and it allows the browser origin
 * (null: not a browser); undefined otherwise. One round trip on the hot path.
 */
export async function insertRatingForFlow(db: Db, input: { key: string; origin: string | null; score: number; comment: string | null; ratedOn: string }) {
  const origin = input.origin;
  let flow = db
    .selectFrom('rating_flows')
    .select([
      'rating_flows.id',
      sql<number>`${input.score}::smallint`.as('score'),
      sql<string | null>`${input.comment}::text`.as('comment'),
      sql<string>`${input.ratedOn}::date`.as('rated_on'),
    ])
    .where('rating_flows.key', '=', input.key);
  if (origin !== null) flow = flow.where(sql<boolean>`${origin} = any(rating_flows.allowed_origins)`);
  return db.insertInto('ratings').columns(['flow_id', 'score', 'comment', 'rated_on']).expression(flow).returning('id').executeTakeFirst();
}

/** Ratings per day and score: the distribution, the average and the weekly series come from these. */
export async function countScoresByDay(db: Db, input: { flowId: string }) {
  return db
    .selectFrom('ratings')
    .select(['rated_on as day', 'score', sql<number>`count(*)::int`.as('count')])
    .where('flow_id', '=', input.flowId)
    .groupBy(['rated_on', 'score'])
    .orderBy('rated_on')
    .execute();
}

export async function listComments(db: Db, input: { flowId: string; limit: number; offset: number }) {
  const base = db.selectFrom('ratings').where('flow_id', '=', input.flowId).where('comment', 'is not', null);
  const [rows, total] = await Promise.all([
    base.select(['id', 'score', 'comment', 'rated_on']).orderBy('rated_on', 'desc').orderBy('id').limit(input.limit).offset(input.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => ({ ...row, comment: row.comment ?? '' })), total: total.count };
}

export async function findRatingComment(db: Db, input: { id: string }) {
  return db
    .selectFrom('ratings')
    .innerJoin('rating_flows', 'rating_flows.id', 'ratings.flow_id')
    .select(['ratings.comment', 'ratings.rated_on', 'rating_flows.key'])
    .where('ratings.id', '=', input.id)
    .executeTakeFirst();
}
