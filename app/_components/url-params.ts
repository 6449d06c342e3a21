'use client';
// Filters kept in the URL, so a filtered list can be bookmarked or shared: read them, and change
// some at once (any change but the page number goes back to the first page).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  function setParams(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  }

  return { params, setParams };
}
