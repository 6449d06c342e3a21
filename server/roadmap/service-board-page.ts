// What the public board page shows for one question (which requests, sorted how, which page):
// the lanes of the published roadmap, and developers' open (or declined) requests with their
// votes. Read by the cached page in service-board-rest.ts; nothing here is private.
import { z } from 'zod';
import type { Db } from '../db';
import { countRequestsByStatus } from '../requests/queries';
import { listPublicRequests } from '../requests/service';
import type { PublicBoard } from './public-board';
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
    rows: { id: string; title: string; createdAt: Date; votes: number; declineReason: string | null }[];
  };
  openCount: number;
  declinedCount: number;
}

export async function getBoardPageData(db: Db, query: BoardQuery): Promise<BoardPageData> {
  const [board, requests, open, declined] = await Promise.all([
    getPublicBoard(db),
    listPublicRequests(db, { status: query.requests, sort: query.sort, search: query.q, page: query.page, pageSize: REQUESTS_PER_PAGE }),
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
  };
}
