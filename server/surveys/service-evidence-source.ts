// The evidence loader of surveys: an excerpt comes from one free-text answer (the source is the
// response, the anchor its question), never attributed to a developer.
import type { Db } from '@/server/db';
import type { EvidenceSource } from '@/server/evidence/evidence-source';
import { isUuid } from '@/server/lib/uuid';
import * as results from './queries-results';

/** Evidence loader for a free-text answer: the source is the response, the anchor its question. */
export async function loadSurveyAnswerSource(db: Db, input: { sourceId: string; anchor: string | null }): Promise<EvidenceSource | null> {
  if (!input.anchor || !isUuid(input.anchor)) return null;
  const answer = await results.findTextAnswer(db, { responseId: input.sourceId, questionId: input.anchor });
  if (!answer?.text_value) return null;
  return {
    text: answer.text_value,
    path: `/surveys/${answer.survey_id}?tab=results&question=${input.anchor}#answer-${input.sourceId}`,
    // Survey answers are anonymous: evidence from them is never attributed to a developer.
    participantId: null,
    observedOn: answer.submitted_on,
  };
}
