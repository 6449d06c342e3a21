// Kysely queries for what the public roadmap shows of developers' requests: open and declined
// requests with their votes, the requests that joined an item or another request, the boards
// (categories) with their open requests. Here, below server/requests, because the public board
// (roadmap) lists them and requests builds on the roadmap's votes and items.
import { sql } from 'kysely';
import type { Db } from '@/server/db';

export type PublicRequestSort = 'votes' | 'newest';

const votesOf = sql<number>`(select count(*)::int from roadmap_votes where roadmap_votes.request_id = roadmap_requests.id)`;

function escapeLike(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Open or declined requests for the board, with their votes; searched in title and details (both public). */
export async function listPublicRequests(
  db: Db,
  input: { status: 'open' | 'declined'; sort: PublicRequestSort; search: string; boardId: string | null; limit: number; offset: number },
) {
  let query = db.selectFrom('roadmap_requests').where('roadmap_requests.status', '=', input.status);
  if (input.boardId) query = query.where('roadmap_requests.board_id', '=', input.boardId);
  if (input.search) {
    const pattern = escapeLike(input.search);
    query = query.where((eb) => eb.or([eb('roadmap_requests.title', 'ilike', pattern), eb('roadmap_requests.details', 'ilike', pattern)]));
  }
  let rows = query.leftJoin('roadmap_boards', 'roadmap_boards.id', 'roadmap_requests.board_id').select([
    'roadmap_boards.name as board_name',
    'roadmap_requests.id',
    'roadmap_requests.title',
    'roadmap_requests.created_at',
    'roadmap_requests.decline_reason',
    votesOf.as('votes'),
  ]);
  rows = input.sort === 'votes' ? rows.orderBy('votes', 'desc').orderBy('roadmap_requests.created_at', 'desc') : rows.orderBy('roadmap_requests.created_at', 'desc');
  const [list, total] = await Promise.all([
    rows.orderBy('roadmap_requests.id').limit(input.limit).offset(input.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows: list, total: total.count };
}

export async function countRequestsByStatus(db: Db, input: { status: 'open' | 'declined' }) {
  const row = await db
    .selectFrom('roadmap_requests')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('status', '=', input.status)
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * The requests that joined an item (merged into it or accepted as it) or another request, and
 * every request merged into those, oldest first.
 */
export async function listJoinedRequests(db: Db, input: { itemId: string } | { requestId: string }) {
  const roots = 'itemId' in input ? sql`item_id = ${input.itemId}::uuid` : sql`merged_into_request_id = ${input.requestId}::uuid`;
  const rows = await sql<{ id: string; title: string }>`
    with recursive joined as (
      select id, title, created_at from roadmap_requests where ${roots}
      union
      select r.id, r.title, r.created_at from roadmap_requests r join joined j on r.merged_into_request_id = j.id
    )
    select id, title from joined order by created_at, id limit 200
  `.execute(db);
  return rows.rows;
}

export async function listBoards(db: Db) {
  return db
    .selectFrom('roadmap_boards')
    .select([
      'roadmap_boards.id',
      'roadmap_boards.slug',
      'roadmap_boards.name',
      'roadmap_boards.description',
      sql<number>`(select count(*)::int from roadmap_requests where roadmap_requests.board_id = roadmap_boards.id and roadmap_requests.status = 'open')`.as(
        'open_requests',
      ),
    ])
    .orderBy('roadmap_boards.name')
    .execute();
}
