// The Imports page's upload: streams the file in and progress back (see server/imports/service-upload.ts).
import { getDb } from '@/server/db';
import { importForPage } from '@/server/imports/service-upload';
import { refuseCrossSite } from '@/server/request-guards';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  return refuseCrossSite(req) ?? importForPage(await getDb(), req);
}
