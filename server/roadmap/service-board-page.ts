// What the public board page shows for one question (which requests, sorted how, which page):
// the lanes of the published roadmap, and developers' open (or declined) requests with their
// votes. Read by the cached page in service-board-rest.ts; nothing here is private.
import { z } from 'zod';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import type { PublicBoard } from './public-board';
import { countRequestsByStatus } from './queries-requests';
import { listBoards, listPublicRequests } from './service-board-requests';
import { getPublicBoard } from './service-public';

/** Requests shown per page in the Requested lane. */
export const REQUESTS_PER_PAGE = 10;

export const NOTICES = ['voted', 'unvoted', 'already-voted', 'not-votable', 'no-vote', 'too-many', 'failed'] as const;
export type Notice = (typeof NOTICES)[number];

/** The page's query string: every value named when it is wrong. */
export const boardQuerySchema = z.object({
  sort: z.enum(['votes', 'newest'], { message: 'Sort by "votes" or "newest"' }).default('votes'),
  q: z.string().trim().max(100, 'Keep the search under 100 characters').default(''),
  page: z.coerce.number({ message: 'Give a page number' }).int('Give a whole page number').min(1, 'Pages start at 1').max(10_000).default(1),
  requests: z.enum(['open', 'declined'], { message: 'Show "open" or "declined" requests' }).default('open'),
  /** A board's slug: only its requests. */
  board: z.string().trim().max(60, 'Keep the board name under 60 characters').default(''),
  notice: z.enum(NOTICES).optional().catch(undefined),
});
export type BoardQuery = z.infer<typeof boardQuerySchema>;

export interface BoardPageData {
  board: PublicBoard;
  requests: {
    status: 'open' | 'declined';
    total: number;
    page: number;
    pageCount: number;
    rows: { id: string; title: string; createdAt: Date; votes: number; board: string | null; declineReason: string | null }[];
  };
  boards: { slug: string; name: string; openRequests: number }[];
  /** The board (category) the requests are filtered by. */
  selectedBoard: { slug: string; name: string } | null;
  openCount: number;
  declinedCount: number;
}

/** Refuses a board that does not exist, naming the ones that do. */
export async function getBoardPageData(db: Db, query: BoardQuery): Promise<BoardPageData> {
  const boards = await listBoards(db);
  const filter = query.board ? boards.find((board) => board.slug === query.board) : null;
  if (query.board && !filter) {
    const known = boards.length > 0 ? `Boards: ${boards.map((board) => board.slug).join(', ')}` : 'This roadmap has no boards';
    throw new AppError('BAD_REQUEST', `Query parameter "board": there is no board "${query.board}". ${known}.`, { field: 'board' });
  }
  const [board, requests, open, declined] = await Promise.all([
    getPublicBoard(db),
    listPublicRequests(db, {
      status: query.requests,
      sort: query.sort,
      search: query.q,
      boardId: filter?.id ?? null,
      page: query.page,
      pageSize: REQUESTS_PER_PAGE,
    }),
    countRequestsByStatus(db, { status: 'open' }),
    countRequestsByStatus(db, { status: 'declined' }),
  ]);
  return {
    board,
    requests: {
      status: query.requests,
      total: requests.total,
      page: query.page,
      pageCount: Math.max(1, Math.ceil(requests.total / REQUESTS_PER_PAGE)),
      rows: requests.rows,
    },
    openCount: open,
    declinedCount: declined,
    boards: boards.map((row) => ({ slug: row.slug, name: row.name, openRequests: row.openRequests })),
    selectedBoard: filter ? { slug: filter.slug, name: filter.name } : null,
  };
}
