// GET /inventory/export?format=markdown|csv&names=1&<filters>: the inventory as a download, for
// signed-in members (the same procedure and role check as the page).
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import { createRequestContext } from '@/server/http-context';
import { parseInventoryParams } from '@/server/inventory/inventory-params';
import { createCaller } from '@/server/root';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const params = Object.fromEntries([...new Set(url.searchParams.keys())].map((key) => [key, url.searchParams.getAll(key)]));
  const { filter, sort, problems } = parseInventoryParams(params);
  if (problems.length > 0) {
    return new Response(`Cannot export: ${problems.map((problem) => `${problem.parameter}: ${problem.message}`).join('; ')}`, { status: 400 });
  }
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'markdown';
  try {
    const caller = createCaller(await createRequestContext({ headers: req.headers }));
    const file = await caller.inventory.export({ filter, sort, format, hasNames: url.searchParams.get('names') === '1' });
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response(error.message, { status: getHTTPStatusCodeFromError(error) });
    throw error;
  }
}
