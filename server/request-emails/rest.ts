// The unsubscribe form over HTTP: a plain POST (no JavaScript needed) answered with a redirect to
// the page, which then says it is done or why the link was refused.
import { getDb, type Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { unsubscribe } from './service';

export async function unsubscribeFromForm(db: Db, req: Request): Promise<Response> {
  const form = await req.formData();
  const token = String(form.get('token') ?? '').trim();
  const back = (query: string) => new Response(null, { status: 303, headers: { location: `/roadmap/unsubscribe?${query}`, 'cache-control': 'no-store' } });
  try {
    await unsubscribe(db, { token });
    return back('done=1');
  } catch (error) {
    // The page shows why (forged, or used already) when it checks the token again.
    if (error instanceof AppError) return back(`token=${encodeURIComponent(token)}`);
    throw error;
  }
}

export async function postUnsubscribeRoute(req: Request): Promise<Response> {
  return unsubscribeFromForm(await getDb(), req);
}
