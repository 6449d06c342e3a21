// Kysely queries for outcomes: ship dates, ratings, and the figures of the before/after view
// (`/metrics` outcomes and `/metrics/impact/<item>`).
import { sql } from 'kysely';
import type { Db } from '@/server/db';

/** When an item shipped: published as shipped, else the last time it was changed (moved to shipped). */
const SHIP_DATE = sql<Date>`coalesce(roadmap_items.shipped_at, roadmap_items.updated_at)`;

export async function listShippedItems(db: Db, input: { from?: Date; itemId?: string } = {}) {
  let query = db
    .selectFrom('roadmap_items')
    .leftJoin('rating_flows', 'rating_flows.id', 'roadmap_items.rating_flow_id')
    .select([
      'roadmap_items.id',
      'roadmap_items.title',
      SHIP_DATE.as('shippedAt'),
      'roadmap_items.rating_flow_id as ratingFlowId',
      'rating_flows.key as ratingFlowKey',
      'rating_flows.name as ratingFlowName',
    ])
    .where('roadmap_items.lane', '=', 'shipped');
  if (input.from) query = query.where(SHIP_DATE, '>=', input.from);
  if (input.itemId) query = query.where('roadmap_items.id', '=', input.itemId);
  return query.orderBy(SHIP_DATE, 'desc').execute();
}

export async function findRoadmapItem(db: Db, input: { id: string }) {
  return db.selectFrom('roadmap_items').select(['id', 'title', 'lane']).where('id', '=', input.id).executeTakeFirst();
}

export async function setRatingFlow(db: Db, input: { itemId: string; flowId: string | null }) {
  const result = await db.updateTable('roadmap_items').set({ rating_flow_id: input.flowId }).where('id', '=', input.itemId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listLinkedThemes(db: Db, input: { itemId: string }) {
  return db
    .selectFrom('roadmap_item_themes')
    .innerJoin('themes', 'themes.id', 'roadmap_item_themes.theme_id')
    .select(['themes.id', 'themes.title', 'themes.merged_into_id'])
    .where('roadmap_item_themes.item_id', '=', input.itemId)
    .orderBy('themes.title')
    .execute();
}

interface Span {
  from: Date;
  to: Date;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
/** The first whole day after a span ends: a span ending mid-day includes that day's dated rows. */
const endDay = (date: Date) => day(new Date(Math.ceil(date.getTime() / 86_400_000) * 86_400_000));

/** Evidence observed in each span (by its observed day), tagged to any of the themes; distinct items. */
export async function countThemeEvidence(db: Db, input: { themeIds: string[]; spans: Span[] }): Promise<number[]> {
  if (input.themeIds.length === 0) return input.spans.map(() => 0);
  return Promise.all(
    input.spans.map(async (span) => {
      const row = await db
        .selectFrom('evidence')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('evidence.observed_on', '>=', day(span.from))
        .where('evidence.observed_on', '<', endDay(span.to))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('evidence_themes')
              .select(sql`1`.as('one'))
              .whereRef('evidence_themes.evidence_id', '=', 'evidence.id')
              .where('evidence_themes.theme_id', 'in', input.themeIds),
          ),
        )
        .executeTakeFirstOrThrow();
      return row.count;
    }),
  );
}

/** Of these tickets, how many were opened in each span. */
export async function countTicketsOpened(db: Db, input: { ticketIds: string[]; spans: Span[] }): Promise<number[]> {
  if (input.ticketIds.length === 0) return input.spans.map(() => 0);
  return Promise.all(
    input.spans.map(async (span) => {
      const row = await db
        .selectFrom('tickets')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('id', 'in', input.ticketIds)
        .where('opened_at', '>=', span.from)
        .where('opened_at', '<', span.to)
        .executeTakeFirstOrThrow();
      return row.count;
    }),
  );
}

/** Sum and count of a flow's ratings given in each span (ratings carry the day only). */
export async function sumRatings(db: Db, input: { flowId: string; spans: Span[] }) {
  return Promise.all(
    input.spans.map(async (span) => {
      const row = await db
        .selectFrom('ratings')
        .select([sql<number>`coalesce(sum(score), 0)::int`.as('sum'), sql<number>`count(*)::int`.as('count')])
        .where('flow_id', '=', input.flowId)
        .where('rated_on', '>=', day(span.from))
        .where('rated_on', '<', endDay(span.to))
        .executeTakeFirstOrThrow();
      return row;
    }),
  );
}

/** Mean rating per flow per week (weeks start on Monday, UTC), for the flows' trend lines. */
export async function weeklyRatingsByFlow(db: Db, input: { from: Date }) {
  const result = await sql<{ flowId: string; week: string; count: number; mean: number }>`
    select flow_id as "flowId", to_char(date_trunc('week', rated_on::timestamp), 'YYYY-MM-DD') as "week",
           count(*)::int as "count", avg(score)::float8 as "mean"
    from ratings
    where rated_on >= ${day(input.from)}
    group by 1, 2
    order by 2`.execute(db);
  return result.rows;
}

export async function listRatingFlows(db: Db) {
  return db.selectFrom('rating_flows').select(['id', 'key', 'name']).orderBy(sql`lower(name)`).execute();
}
