// GET /roadmap/feed.xml: an Atom feed of public roadmap changes.
import { restHandler } from '@/server/rest';
import { getRoadmapAtom } from '@/server/roadmap/service-rest';

export const dynamic = 'force-dynamic';

export const GET = restHandler({ auth: 'public' }, getRoadmapAtom);
