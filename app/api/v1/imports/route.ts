// POST /api/v1/imports (bearer API token): a ticket export or post-mortems as multipart/form-data
// with a `format` field before the file; answers with the import report as JSON (server/imports/rest.ts).
export { postImportApiRoute as POST } from '@/server/imports/rest';

export const dynamic = 'force-dynamic';
