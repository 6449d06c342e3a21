// GET /api/v1/inventory: the ranked pain inventory as JSON for other tools (API token required).
import { handleInventoryApi } from '@/server/inventory/service';
import { restHandler } from '@/server/rest';

export const dynamic = 'force-dynamic';

export const GET = restHandler({ auth: 'token' }, handleInventoryApi);
