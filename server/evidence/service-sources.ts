// Where evidence can come from: one loader per source kind, each in its domain's
// service-evidence-source.ts. The registry is typed complete, so a source kind added to the
// schema without a loader fails the typecheck.
import type { EvidenceSourceKind } from '@/db/types';
import { loadInterviewSource } from '../interviews/service-evidence-source';
import { loadPostmortemSource } from '../postmortems/service-evidence-source';
import { loadRatingCommentSource } from '../ratings/service-evidence-source';
import { loadRequestSource } from '../requests/service-evidence-source';
import { loadShadowingSource } from '../shadowing/service-evidence-source';
import { loadSurveyAnswerSource } from '../surveys/service-evidence-source';
import { loadTicketSource } from '../tickets/service-evidence-source';
import type { SourceLoader } from './evidence-source';

export const evidenceSources = {
  ticket: loadTicketSource,
  postmortem: loadPostmortemSource,
  survey: loadSurveyAnswerSource,
  rating: loadRatingCommentSource,
  request: loadRequestSource,
  interview: loadInterviewSource,
  shadowing: loadShadowingSource,
} satisfies Record<EvidenceSourceKind, SourceLoader>;
