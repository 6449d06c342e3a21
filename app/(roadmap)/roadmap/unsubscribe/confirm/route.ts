// POST /roadmap/unsubscribe/confirm: the unsubscribe page's form; answers with a redirect.
import { getDb } from '@/server/db';
import { unsubscribeFromForm } from '@/server/request-emails/service-http';

export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  return unsubscribeFromForm(await getDb(), req);
}
