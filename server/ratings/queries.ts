// Kysely queries for rating flows and ratings.
import { sql } from 'kysely';
import type { Db } from '../db';
import { countHitStatement, type HitWindow } from '../rate-limit/queries';

const flowColumns = ['rating_flows.id', 'rating_flows.key', 'rating_flows.name', 'rating_flows.allowed_origins', 'rating_flows.created_at'] as const;

export async function findFlowByKey(db: Db, input: { key: string }) {
  return db.selectFrom('rating_flows').select([...flowColumns]).where('rating_flows.key', '=', input.key).executeTakeFirst();
}

export async function findFlow(db: Db, input: { id: string }) {
  return db.selectFrom('rating_flows').select([...flowColumns]).where('rating_flows.id', '=', input.id).executeTakeFirst();
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

/**
 * The public hot path in one statement (one round trip, one implicit transaction): counts the
 * client's rate-limit hit and stores the rating when the flow exists, allows the browser origin
 * (null: not a browser) and the client is within its limit. Returns the window's hits, whether the
 * flow allows the origin (null: no such flow) and the new rating's id (null: nothing stored).
 */
export async function insertRatingCountingHit(
  db: Db,
  input: { hit: HitWindow; limit: number; key: string; origin: string | null; score: number; comment: string | null; ratedOn: string },
) {
  const isAllowed = input.origin === null ? sql<boolean>`true` : sql<boolean>`${input.origin} = any(rating_flows.allowed_origins)`;
  const result = await sql<{ hits: number; is_allowed: boolean | null; id: string | null }>`
    with hit as (${countHitStatement(db, input.hit)}),
    flow as (select rating_flows.id, ${isAllowed} as is_allowed from rating_flows where rating_flows.key = ${input.key}),
    rating as (
      insert into ratings (flow_id, score, comment, rated_on)
      select flow.id, ${input.score}::smallint, ${input.comment}::text, ${input.ratedOn}::date
      from flow, hit
      where flow.is_allowed and hit.hits <= ${input.limit}
      returning ratings.id
    )
    select (select hits from hit) as hits, (select is_allowed from flow) as is_allowed, (select id from rating) as id`.execute(db);
  return result.rows[0];
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
