// Kysely queries of the weekly review: what arrived in which week (one round trip of counts),
// the newest pain themes, the latest survey that has a 1-10 score, and the number of accounts.
import { sql } from 'kysely';
import type { Db } from '@/server/db';
import type { Period } from './review-rules';

const count = sql<number>`count(*)::int`.as('count');

export interface WeeklyCounts {
  evidenceThisWeek: number;
  evidenceLastWeek: number;
  themesThisWeek: number;
  ticketsThisWeek: number;
  ticketsBaseline: number;
  requestsThisWeek: number;
  requestsLastWeek: number;
  responsesThisWeek: number;
  responsesLastWeek: number;
  ratingsThisWeek: number;
  ratingsLastWeek: number;
}

/**
 * Everything counted per week, in one statement. Evidence, themes and requests count from when
 * they were saved; tickets from when they were opened in their source; responses and ratings keep
 * only their day (anonymity), so they are compared by day.
 */
export async function countWeeklyChanges(
  db: Db,
  input: { thisWeek: Period; lastWeek: Period; ticketBaseline: Period; thisWeekDays: { from: string; to: string }; lastWeekDays: { from: string; to: string } },
): Promise<WeeklyCounts> {
  const { thisWeek, lastWeek, ticketBaseline, thisWeekDays, lastWeekDays } = input;
  return db
    .selectNoFrom((eb) => [
      eb.selectFrom('evidence').select(count).where('created_at', '>=', thisWeek.start).where('created_at', '<', thisWeek.end).as('evidenceThisWeek'),
      eb.selectFrom('evidence').select(count).where('created_at', '>=', lastWeek.start).where('created_at', '<', lastWeek.end).as('evidenceLastWeek'),
      eb
        .selectFrom('themes')
        .select(count)
        .where('merged_into_id', 'is', null)
        .where('created_at', '>=', thisWeek.start)
        .where('created_at', '<', thisWeek.end)
        .as('themesThisWeek'),
      eb.selectFrom('tickets').select(count).where('opened_at', '>=', thisWeek.start).where('opened_at', '<', thisWeek.end).as('ticketsThisWeek'),
      eb.selectFrom('tickets').select(count).where('opened_at', '>=', ticketBaseline.start).where('opened_at', '<', ticketBaseline.end).as('ticketsBaseline'),
      eb.selectFrom('roadmap_requests').select(count).where('created_at', '>=', thisWeek.start).where('created_at', '<', thisWeek.end).as('requestsThisWeek'),
      eb.selectFrom('roadmap_requests').select(count).where('created_at', '>=', lastWeek.start).where('created_at', '<', lastWeek.end).as('requestsLastWeek'),
      eb.selectFrom('survey_responses').select(count).where('submitted_on', '>=', thisWeekDays.from).where('submitted_on', '<', thisWeekDays.to).as('responsesThisWeek'),
      eb.selectFrom('survey_responses').select(count).where('submitted_on', '>=', lastWeekDays.from).where('submitted_on', '<', lastWeekDays.to).as('responsesLastWeek'),
      eb.selectFrom('ratings').select(count).where('rated_on', '>=', thisWeekDays.from).where('rated_on', '<', thisWeekDays.to).as('ratingsThisWeek'),
      eb.selectFrom('ratings').select(count).where('rated_on', '>=', lastWeekDays.from).where('rated_on', '<', lastWeekDays.to).as('ratingsLastWeek'),
    ])
    .executeTakeFirstOrThrow() as Promise<WeeklyCounts>;
}

/** Live themes created in the period, newest first. */
export async function listNewThemes(db: Db, input: Period & { limit: number }) {
  return db
    .selectFrom('themes')
    .select(['id', 'title'])
    .where('merged_into_id', 'is', null)
    .where('created_at', '>=', input.start)
    .where('created_at', '<', input.end)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(input.limit)
    .execute();
}

/** Workspace accounts: the getting-started checklist asks whether anyone has been invited. */
export async function countMembers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select(count).executeTakeFirstOrThrow();
  return row.count;
}
