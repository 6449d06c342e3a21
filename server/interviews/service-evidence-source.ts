// Interviews as a source of evidence: an excerpt comes from one answer (`q-<position>`), the
// overall notes (`notes`), a transcript turn (`t-<position>`), or anywhere in the interview when
// no spot is given. The link back opens
// the interview at that spot.
import type { Db } from '@/server/db';
import type { EvidenceSource } from '@/server/evidence/evidence-source';
import { selectableText } from '@/server/lib/markdown-text';
import * as queries from './queries';
import { NOTES_ANCHOR, parseInterviewAnchor } from './rules';
import { parseTurnAnchor, turnPath } from './transcript-rules';

export async function loadInterviewSource(db: Db, input: { sourceId: string; anchor: string | null }): Promise<EvidenceSource | null> {
  const interview = await queries.findInterviewSource(db, { id: input.sourceId });
  if (!interview) return null;
  const base = { participantId: interview.participant_id, observedOn: interview.interviewed_on };
  const path = `/interviews/${interview.id}`;
  if (!input.anchor) {
    const all = [...interview.answers.map((answer) => answer.body), interview.notes].map(selectableText).join('\n\uffff\n');
    return { ...base, text: all, path };
  }
  const turnPosition = parseTurnAnchor(input.anchor);
  if (turnPosition !== null) {
    // A transcript turn: the link opens the recording at the turn's second (or the turn itself).
    const turn = await queries.findTurn(db, { interviewId: interview.id, position: turnPosition });
    return { ...base, text: turn?.body ?? '', path: turnPath(interview.id, turnPosition) };
  }
  const spot = parseInterviewAnchor(input.anchor);
  if (spot === 'notes') return { ...base, text: selectableText(interview.notes), path: `${path}#${NOTES_ANCHOR}` };
  const answer = spot === null ? undefined : interview.answers.find((candidate) => candidate.position === spot);
  // An unknown spot has no text, so no excerpt can match it: the caller is told to select words.
  if (!answer) return { ...base, text: '', path };
  return { ...base, text: selectableText(answer.body), path: `${path}#${input.anchor}` };
}
