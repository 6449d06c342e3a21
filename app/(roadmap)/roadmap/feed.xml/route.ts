// GET /roadmap/feed.xml: an Atom feed of public roadmap changes (server/roadmap/rest.ts).
export { getRoadmapAtomRoute as GET } from '@/server/roadmap/rest';

export const dynamic = 'force-dynamic';
