'use client';
// Filters and pages kept in the URL: read them, and change some while keeping the others (a
// change of filter goes back to the first page).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  function setParams(changes: Record<string, string | null>, hash = '') {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    router.replace(`${pathname}?${next.toString()}${hash}`, { scroll: false });
  }
  return { params, setParams };
}
