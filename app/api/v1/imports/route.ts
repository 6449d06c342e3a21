// POST /api/v1/imports (bearer API token): a ticket export or post-mortems as multipart/form-data
// with a `format` field before the file; answers with the import report as JSON.
import { importForApi } from '@/server/imports/service-upload';
import { json, restHandler } from '@/server/rest';

export const dynamic = 'force-dynamic';

export const POST = restHandler({ auth: 'token' }, async (ctx) => json(await importForApi(ctx.db, ctx.req)));
