// GET /api/v1/inventory: the ranked pain inventory as JSON for other tools (API token required; server/inventory/rest.ts).
export { getInventoryRoute as GET } from '@/server/inventory/rest';

export const dynamic = 'force-dynamic';
