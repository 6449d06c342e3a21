// A vote with an email on a request also makes the voter a follower of it, so they hear by email
// what becomes of it (server/request-emails). The vote itself is service-votes.ts's, unchanged.
import type { Db } from '@/server/db';
import { followRequest } from '@/server/request-emails/service';
import { castVote, type VoteTarget } from './service-votes';

export async function castVoteAndFollow(db: Db, input: { target: VoteTarget; voterToken: string; email: string | null }) {
  const result = await castVote(db, input);
  if (input.target.kind === 'request') await followRequest(db, { requestId: input.target.id, email: input.email });
  return result;
}
