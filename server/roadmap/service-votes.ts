// Developers' upvotes on public roadmap items and on open requests: one per browser per target,
// one per email when an email is given, undo allowed. Rate limited per client by the procedures
// (meta.rateLimit: VOTE_LIMIT), before the input is read. A vote does not make this process read
// the board's version again (votes are frequent): the voter's browser is marked instead (router.ts).
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { getServerKey } from '@/server/secrets/service';
import * as queries from './queries';
import { isVotableLane, LANE_SHORT_LABELS } from './rules';
import { hashEmail, hashVoter } from './voter';

export type { VoteTarget } from './queries';

/** Refuses a target that is gone, private, decided (shipped, declined) or no longer open. */
async function assertVotable(db: Db, target: queries.VoteTarget) {
  if (target.kind === 'item') {
    const item = await queries.getItem(db, { id: target.id });
    if (!item?.public_lane) throw new AppError('NOT_FOUND', 'This roadmap item does not exist or is not on the public roadmap.', { field: 'id' });
    if (!isVotableLane(item.public_lane)) {
      throw new AppError('BAD_REQUEST', `This item is ${LANE_SHORT_LABELS[item.public_lane].toLowerCase()}, so it takes no more votes.`, { field: 'id' });
    }
    return;
  }
  const request = await queries.getRequestStatus(db, { id: target.id });
  if (!request) throw new AppError('NOT_FOUND', 'This request does not exist.', { field: 'id' });
  if (request.status !== 'open') {
    const why = request.status === 'declined' ? 'was declined' : 'was moved onto the roadmap: vote for the item instead';
    throw new AppError('BAD_REQUEST', `This request ${why}.`, { field: 'id' });
  }
}

export async function castVote(
  db: Db,
  input: { target: queries.VoteTarget; voterToken: string; email: string | null },
): Promise<{ votes: number }> {
  const emailHash = input.email ? hashEmail(await getServerKey(db), input.email) : null;
  return db.transaction().execute(async (trx) => {
    await assertVotable(trx, input.target);
    const isCounted = await queries.insertVote(trx, {
      target: input.target,
      voterHash: hashVoter(input.voterToken),
      emailHash,
    });
    if (!isCounted) {
      throw new AppError('CONFLICT', input.email ? 'This browser or this email has already voted for it: a vote counts once.' : 'You have already voted for this: a vote counts once.');
    }
    return { votes: await queries.countVotesOf(trx, { target: input.target }) };
  });
}

export async function removeVote(
  db: Db,
  input: { target: queries.VoteTarget; voterToken: string | null },
): Promise<{ votes: number }> {
  // Only the browser that voted can undo: knowing someone's email is not enough to remove their vote.
  const removed = input.voterToken ? await queries.deleteVote(db, { target: input.target, voterHash: hashVoter(input.voterToken) }) : 0;
  if (removed === 0) throw new AppError('NOT_FOUND', 'There is no vote of yours on this to undo.');
  return { votes: await queries.countVotesOf(db, { target: input.target }) };
}

/** Which of these targets this browser has voted for, so the page can offer Undo. */
export async function listMyVotes(db: Db, input: { voterToken: string | null; itemIds: string[]; requestIds: string[] }) {
  if (!input.voterToken) return { itemIds: [], requestIds: [] };
  const rows = await queries.listVotedTargets(db, { voterHash: hashVoter(input.voterToken), itemIds: input.itemIds, requestIds: input.requestIds });
  return {
    itemIds: rows.flatMap((row) => (row.item_id ? [row.item_id] : [])),
    requestIds: rows.flatMap((row) => (row.request_id ? [row.request_id] : [])),
  };
}
