// POST /api/v1/surveys/<slug>/responses: one anonymous survey response (server/surveys/service-rest.ts).
import { restHandler } from '@/server/rest';
import { postSurveyResponse } from '@/server/surveys/service-rest';

export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return restHandler({ auth: 'public' }, (ctx) => postSurveyResponse(ctx, slug))(req);
}
