// Developers' roadmap requests: submitted on the public page (rate limited by the procedure, honeypot, one vote
// from the submitter), suggested as duplicates while someone types, and triaged in the inbox:
// merged into an item or into another request (votes move once), accepted as a new item, declined with a public reason,
// or turned into evidence of a pain theme (through the shared evidence dialog). Each decision
// queues the emails to the request's followers in its own transaction (server/request-emails).
import type { Db } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/errors';
import * as roadmapQueries from '@/server/roadmap/queries';
import * as requestReads from '@/server/roadmap/queries-requests';
import { isVotableLane } from '@/server/roadmap/rules';
import { addItemToLane, publicItemUrl } from '@/server/roadmap/service';
import { forgetBoardVersion } from '@/server/roadmap/service-board-cache';
import { hashEmail, hashVoter } from '@/server/roadmap/voter';
import { getServerKey } from '@/server/secrets/service';
import { carryFollowers, followRequest, queueOutcomeEmails } from '@/server/request-emails/service';
import { enqueueWebhookMessage } from '@/server/webhooks/service';
import * as queries from './queries';
import { isHoneypotFilled, MAX_BOARDS, MIN_SIMILAR_QUERY, slugOfBoard } from './rules';

const REQUEST_GONE = 'This request no longer exists. Reload the page.';

export function publicRequestUrl(id: string): string {
  return new URL(`/roadmap/requests/${id}`, getEnv().PUBLIC_URL).toString();
}

// ---- The public side ---------------------------------------------------------------------------

export async function submitRequest(
  db: Db,
  input: { title: string; details: string; email: string | null; boardId?: string | null; honeypot?: string; voterToken: string },
): Promise<{ id: string }> {
  if (isHoneypotFilled(input.honeypot)) {
    throw new AppError('BAD_REQUEST', 'This request could not be sent. Leave the last field of the form empty and try again.', { field: 'website' });
  }
  const emailHash = input.email ? hashEmail(await getServerKey(db), input.email) : null;
  const result = await db.transaction().execute(async (trx) => {
    if (input.boardId && !(await queries.getBoard(trx, { id: input.boardId }))) {
      throw new AppError('BAD_REQUEST', 'This board does not exist (any more). Pick one from the list, or none.', { field: 'boardId' });
    }
    const request = await queries.insertRequest(trx, input);
    // Asking for something is the first vote for it.
    await roadmapQueries.insertVote(trx, {
      target: { kind: 'request', id: request.id },
      voterHash: hashVoter(input.voterToken),
      emailHash,
    });
    await followRequest(trx, { requestId: request.id, email: input.email });
    await enqueueWebhookMessage(trx, { event: 'request.created', title: request.title, details: request.details, url: publicRequestUrl(request.id) });
    return { id: request.id };
  });
  forgetBoardVersion(db);
  return result;
}

export async function getPublicRequest(db: Db, input: { id: string }) {
  const row = await queries.getPublicRequest(db, input);
  if (!row) throw new AppError('NOT_FOUND', 'This request does not exist.');
  const [votes, evidence, joined, merged] = await Promise.all([
    roadmapQueries.countVotesOf(db, { target: { kind: 'request', id: row.id } }),
    queries.countEvidenceOf(db, { id: row.id }),
    queries.getJoinedRequest(db, { id: row.id }),
    requestReads.listJoinedRequests(db, { requestId: row.id }),
  ]);
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    status: row.status,
    createdAt: row.created_at,
    triagedAt: row.triaged_at,
    declineReason: row.status === 'declined' ? row.decline_reason : null,
    isInPainInventory: evidence > 0,
    votes,
    isVotable: row.status === 'open',
    item: row.item_id && row.item_title && row.item_lane ? { id: row.item_id, title: row.item_title, lane: row.item_lane } : null,
    mergedInto: joined ? { id: joined.id, title: joined.title } : null,
    mergedRequests: merged,
  };
}

/** "Is it one of these? Vote instead": public items and open requests with a similar title. */
export async function findSimilar(db: Db, input: { title: string }) {
  const text = input.title.trim();
  if (text.length < MIN_SIMILAR_QUERY) return { items: [], requests: [] };
  const [items, requests] = await Promise.all([
    queries.findSimilarPublicItems(db, { text, limit: 4 }),
    queries.findSimilarOpenRequests(db, { text, limit: 4 }),
  ]);
  const [itemVotes, requestVotes] = await Promise.all([
    roadmapQueries.countItemVotes(db, { itemIds: items.map((item) => item.id) }),
    roadmapQueries.countRequestVotes(db, { requestIds: requests.map((request) => request.id) }),
  ]);
  return {
    items: items.map((item) => ({
      id: item.id,
      title: item.public_title ?? '',
      lane: item.public_lane!,
      votes: itemVotes.get(item.id) ?? 0,
      isVotable: isVotableLane(item.public_lane),
    })),
    requests: requests.map((request) => ({ id: request.id, title: request.title, votes: requestVotes.get(request.id) ?? 0 })),
  };
}

// ---- The triage inbox ----------------------------------------------------------------------------

export async function listRequests(db: Db, input: { filter: queries.RequestFilter; search?: string; id?: string; limit: number; offset: number }) {
  const [{ rows, total }, untriaged] = await Promise.all([queries.listRequests(db, input), queries.countUntriaged(db)]);
  return {
    total,
    untriaged,
    rows: rows.map((row) => ({
      id: row.id,
      title: row.title,
      details: row.details,
      email: row.email,
      status: row.status,
      declineReason: row.decline_reason,
      createdAt: row.created_at,
      triagedAt: row.triaged_at,
      votes: row.votes,
      evidenceCount: row.evidence_count,
      item: row.item_id ? { id: row.item_id, title: row.item_title ?? '' } : null,
      mergedInto: row.joined_id ? { id: row.joined_id, title: row.joined_title ?? '' } : null,
      participant: row.participant_id ? { id: row.participant_id, name: row.participant_name ?? '' } : null,
    })),
  };
}

export async function suggestItemsFor(db: Db, input: { id: string }) {
  const request = await queries.getRequestTitle(db, input);
  if (!request) throw new AppError('NOT_FOUND', REQUEST_GONE);
  const rows = await queries.findSimilarItems(db, { text: request.title, limit: 5 });
  return rows.map((row) => ({ id: row.id, title: row.title, lane: row.lane }));
}

async function lockOpenRequest(db: Db, id: string) {
  const request = await queries.lockRequest(db, { id });
  if (!request) throw new AppError('NOT_FOUND', REQUEST_GONE);
  if (request.status !== 'open') {
    throw new AppError('CONFLICT', `This request was already ${request.status}; reload the inbox.`);
  }
  return request;
}

/** Merges the request into an item: its votes move once (a voter already on the item is not counted twice). */
export async function mergeRequest(db: Db, input: { id: string; itemId: string; triagedBy: string | null }, now = new Date()) {
  const result = await db.transaction().execute(async (trx) => {
    const request = await lockOpenRequest(trx, input.id);
    const item = await roadmapQueries.getItem(trx, { id: input.itemId });
    if (!item) throw new AppError('NOT_FOUND', 'This roadmap item no longer exists. Pick another one.', { field: 'itemId' });
    const movedVotes = await roadmapQueries.moveRequestVotes(trx, { requestId: input.id, to: { kind: 'item', id: item.id } });
    await queries.closeRequest(trx, { id: input.id, status: 'merged', itemId: item.id, declineReason: null, triagedBy: input.triagedBy, now });
    // Only a published item's public title may go out; a draft item is named by the request's page.
    const into = item.public_title
      ? { title: item.public_title, url: publicItemUrl(item.id) }
      : { title: 'a roadmap item the platform team will publish', url: publicRequestUrl(input.id) };
    await queueOutcomeEmails(trx, { requests: [request], outcome: { event: 'merged', into } }, now);
    return { movedVotes, itemVotes: await roadmapQueries.countVotesOf(trx, { target: { kind: 'item', id: item.id } }) };
  });
  forgetBoardVersion(db);
  return result;
}

/**
 * Merges an open request into another open request (the same ask in other words): its votes move
 * once per voter, and its page points to the one it joined. A request merged elsewhere cannot take
 * merges (merge into the one it joined), so chains only grow at their open end and never loop.
 */
export async function mergeRequestIntoRequest(db: Db, input: { id: string; intoId: string; triagedBy: string | null }, now = new Date()) {
  if (input.id === input.intoId) throw new AppError('BAD_REQUEST', 'A request cannot be merged into itself. Pick another request.', { field: 'intoId' });
  const result = await db.transaction().execute(async (trx) => {
    // Both rows locked in one order, so two opposite merges at once cannot deadlock.
    const [first, second] = [input.id, input.intoId].sort();
    const locked = new Map<string, Awaited<ReturnType<typeof queries.lockRequest>>>();
    for (const id of [first, second]) locked.set(id, await queries.lockRequest(trx, { id }));
    const source = locked.get(input.id);
    const target = locked.get(input.intoId);
    if (!source) throw new AppError('NOT_FOUND', REQUEST_GONE);
    if (source.status !== 'open') throw new AppError('CONFLICT', `This request was already ${source.status}; reload the inbox.`);
    if (!target) throw new AppError('NOT_FOUND', 'The request to merge into no longer exists. Pick another one.', { field: 'intoId' });
    if (target.status !== 'open') {
      const where = target.status === 'merged' ? 'was itself merged elsewhere: merge into the request it joined' : `is ${target.status}`;
      throw new AppError('BAD_REQUEST', `The request to merge into ${where}. Only open requests take merges.`, { field: 'intoId' });
    }
    const movedVotes = await roadmapQueries.moveRequestVotes(trx, { requestId: input.id, to: { kind: 'request', id: input.intoId } });
    await queries.closeIntoRequest(trx, { id: input.id, intoId: input.intoId, triagedBy: input.triagedBy, now });
    await queueOutcomeEmails(trx, { requests: [source], outcome: { event: 'merged', into: { title: target.title, url: publicRequestUrl(target.id) } } }, now);
    // Its followers hear what becomes of the request it joined.
    await carryFollowers(trx, { fromId: input.id, toId: input.intoId });
    return { movedVotes, requestVotes: await roadmapQueries.countVotesOf(trx, { target: { kind: 'request', id: input.intoId } }) };
  });
  forgetBoardVersion(db);
  return result;
}

/** Accepts the request as a new item in "Requested — not yet prioritized"; its votes come along. */
export async function acceptRequest(
  db: Db,
  input: { id: string; title: string; description: string; isPublic: boolean; triagedBy: string | null },
  now = new Date(),
) {
  const result = await db.transaction().execute(async (trx) => {
    const request = await lockOpenRequest(trx, input.id);
    const item = await addItemToLane(trx, {
      title: input.title,
      description: input.description,
      internalNote: '',
      lane: 'requested',
      targetQuarter: null,
      isPublic: input.isPublic,
      themeIds: [],
      createdBy: input.triagedBy,
    });
    const movedVotes = await roadmapQueries.moveRequestVotes(trx, { requestId: input.id, to: { kind: 'item', id: item.id } });
    await queries.closeRequest(trx, { id: input.id, status: 'accepted', itemId: item.id, declineReason: null, triagedBy: input.triagedBy, now });
    await queueOutcomeEmails(trx, { requests: [request], outcome: { event: 'accepted' } }, now);
    return { itemId: item.id, movedVotes };
  });
  forgetBoardVersion(db);
  return result;
}

/** Declines the request with a reason shown on its public page. Its votes stay as they were. */
export async function declineRequest(db: Db, input: { id: string; reason: string; triagedBy: string | null }, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const request = await lockOpenRequest(trx, input.id);
    await queries.closeRequest(trx, { id: input.id, status: 'declined', itemId: null, declineReason: input.reason, triagedBy: input.triagedBy, now });
    await queueOutcomeEmails(trx, { requests: [request], outcome: { event: 'declined', reason: input.reason } }, now);
  });
  forgetBoardVersion(db);
}

// ---- Boards (categories) ------------------------------------------------------------------------

/** A board the platform team files requests under; its name is unique (case aside) and gives its address. */
export async function createBoard(db: Db, input: { name: string; description: string }) {
  const board = await db.transaction().execute(async (trx) => {
    if ((await queries.countBoards(trx)) >= MAX_BOARDS) {
      throw new AppError('BAD_REQUEST', `A roadmap has at most ${MAX_BOARDS} boards: developers pick one from a short list.`, { field: 'name' });
    }
    const inserted = await queries.insertBoard(trx, { name: input.name, slug: slugOfBoard(input.name), description: input.description });
    if (!inserted) throw new AppError('CONFLICT', `A board named like “${input.name}” already exists.`, { field: 'name' });
    return inserted;
  });
  forgetBoardVersion(db);
  return board;
}

/** Deletes a board; its requests stay, filed under no board. */
export async function deleteBoard(db: Db, input: { id: string }) {
  if (!(await queries.deleteBoard(db, input))) throw new AppError('NOT_FOUND', 'This board no longer exists. Reload the page.');
  forgetBoardVersion(db);
}
