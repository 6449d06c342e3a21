// The public board's lists of developers' requests: open or declined ones with their votes, and
// the boards (categories) with their open requests. Read by the board page and the requests
// router; here, below server/requests, so that the roadmap never imports requests back.
import type { Db } from '@/server/db';
import * as queries from './queries-requests';

/** Open or declined requests on the public board, with their votes. */
export async function listPublicRequests(
  db: Db,
  input: { status: 'open' | 'declined'; sort: queries.PublicRequestSort; search: string; boardId?: string | null; page: number; pageSize: number },
) {
  const { rows, total } = await queries.listPublicRequests(db, {
    boardId: input.boardId ?? null,
    status: input.status,
    sort: input.sort,
    search: input.search,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      votes: row.votes,
      board: row.board_name,
      declineReason: input.status === 'declined' ? row.decline_reason : null,
    })),
  };
}

export async function listBoards(db: Db) {
  const rows = await queries.listBoards(db);
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, description: row.description, openRequests: row.open_requests }));
}
