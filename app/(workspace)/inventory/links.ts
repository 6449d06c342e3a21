// Links from the pain inventory to the evidence behind each number: the theme's page, narrowed
// by the same filters and pointed at the part that explains the number.
import type { NumberLinks } from '@/app/_components/inventory-table';
import { inventorySearchParams, type InventoryFilterInput } from '@/server/inventory/inventory-params';

export function themeHref(themeId: string, filter: InventoryFilterInput, extra: Record<string, string | undefined> = {}, hash = ''): string {
  const query = inventorySearchParams(filter, extra).toString();
  return `/themes/${themeId}${query ? `?${query}` : ''}${hash}`;
}

export function numberLinks(filter: InventoryFilterInput): NumberLinks {
  return {
    theme: (theme) => themeHref(theme.themeId!, filter),
    evidence: (theme) => themeHref(theme.themeId!, filter, {}, '#evidence'),
    developers: (theme) => themeHref(theme.themeId!, filter, {}, '#developers'),
    unattributed: (theme) => themeHref(theme.themeId!, filter, { who: 'unattributed' }, '#evidence'),
    numbers: (theme) => themeHref(theme.themeId!, filter, {}, '#numbers'),
    sourceKind: (theme, kind) => themeHref(theme.themeId!, filter, { source: kind }, '#evidence'),
  };
}
