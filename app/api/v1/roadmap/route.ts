// GET /api/v1/roadmap: the public roadmap as JSON, no token needed (server/roadmap/rest.ts).
export { getRoadmapJsonRoute as GET } from '@/server/roadmap/rest';

export const dynamic = 'force-dynamic';
