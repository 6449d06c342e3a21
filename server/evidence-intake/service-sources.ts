// Where evidence can come from: one loader per source kind, each in its domain's
// service-evidence-source.ts. The registry is typed complete, so a source kind added to the
// schema without a loader fails the typecheck. It imports every source domain, so it lives above
// them (server/evidence-intake); the loaders import only the lower half in server/evidence.
import type { EvidenceSourceKind } from '@/db/types';
import { loadInterviewSource } from '@/server/interviews/service-evidence-source';
import { loadPostmortemSource } from '@/server/postmortems/service-evidence-source';
import { loadRatingCommentSource } from '@/server/ratings/service-evidence-source';
import { loadRequestSource } from '@/server/requests/service-evidence-source';
import { loadShadowingSource } from '@/server/shadowing/service-evidence-source';
import { loadSurveyAnswerSource } from '@/server/surveys/service-evidence-source';
import { loadTicketSource } from '@/server/tickets/service-evidence-source';
import type { SourceLoader } from '@/server/evidence/evidence-source';

export const evidenceSources = {
  ticket: loadTicketSource,
  postmortem: loadPostmortemSource,
  survey: loadSurveyAnswerSource,
  rating: loadRatingCommentSource,
  request: loadRequestSource,
  interview: loadInterviewSource,
  shadowing: loadShadowingSource,
} satisfies Record<EvidenceSourceKind, SourceLoader>;
