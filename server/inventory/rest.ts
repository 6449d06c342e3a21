// REST of the inventory: GET /api/v1/inventory, the ranked inventory as JSON for other tools (API
// token). Parses the query, calls the one cached ranking path (service.ts), shapes the JSON.
import { getEnv } from '@/server/env';
import { AppError } from '@/server/errors';
import { json, parseQuery, restHandler, type RestContext } from '@/server/rest';
import { INVENTORY_QUERY_PARAMETERS, inventoryQuerySchema } from './inventory-params';
import { rankForInventory } from './service';

/** The ranked inventory as JSON for other tools; the same filters as the page, as query parameters. */
export async function getInventoryJson(ctx: RestContext): Promise<Response> {
  const known = new Set<string>(INVENTORY_QUERY_PARAMETERS);
  for (const key of ctx.url.searchParams.keys()) {
    if (!known.has(key)) {
      throw new AppError('BAD_REQUEST', `Query parameter "${key}" is not known. Use: ${INVENTORY_QUERY_PARAMETERS.join(', ')}.`, { field: key });
    }
  }
  const { sort, ...filter } = parseQuery(inventoryQuerySchema, ctx.url);
  const inventory = await rankForInventory(ctx.db, { filter, sort });
  const baseUrl = getEnv().PUBLIC_URL.replace(/\/$/, '');
  return json({
    generatedAt: inventory.generatedAt.toISOString(),
    filter: inventory.filter,
    filterLabel: inventory.filterLabel,
    sort: inventory.sort,
    directorySize: inventory.directorySize,
    themesWithoutEvidence: inventory.themesWithoutEvidence,
    themes: inventory.themes.map((theme) => ({
      rank: theme.rank,
      id: theme.themeId,
      statement: theme.title,
      status: theme.status,
      isMvpFocus: theme.isMvpFocus,
      affectedDevelopers: theme.affectedDevelopers,
      unattributedMentions: theme.unattributedMentions,
      reach: theme.reach,
      hoursLostPerAffectedDeveloperPerMonth: theme.hoursPerDeveloperPerMonth,
      score: theme.score,
      developersWithTimeData: theme.developersWithTimeData,
      evidenceCount: theme.evidenceCount,
      confidence: { sourceKinds: theme.sourceKinds, isSingleSource: theme.isSingleSource },
      quadrant: theme.quadrant,
      url: `${baseUrl}/themes/${theme.themeId}`,
    })),
  });
}

export const getInventoryRoute = restHandler({ auth: 'token' }, getInventoryJson);
