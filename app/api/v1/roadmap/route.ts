// GET /api/v1/roadmap: the public roadmap as JSON, no token needed.
import { restHandler } from '@/server/rest';
import { getRoadmapJson } from '@/server/roadmap/service-rest';

export const dynamic = 'force-dynamic';

export const GET = restHandler({ auth: 'public' }, getRoadmapJson);
