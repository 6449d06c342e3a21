'use client';
// Filters kept in the URL (so a filtered list can be bookmarked or shared) and the
// previous/next pager under a long list (client lists and server-rendered pages alike).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Button, ButtonLink } from './button';
import { pageOf } from './url-params';

/** The page's query string and a setter that keeps the rest; changing a filter goes back to page 1. */
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
  const page = pageOf(params);
  return { params, setParams, page };
}

/**
 * Previous/next under a long list. In a client component it calls `onPage`; a server-rendered
 * page passes `links` (the previous and next pages' addresses) instead, and works without script.
 */
export function Pager({
  page,
  pages,
  onPage,
  links,
}: {
  page: number;
  pages: number;
  onPage?: (page: number) => void;
  links?: { previous: string | null; next: string | null };
}) {
  if (pages <= 1) return null;
  const step = (label: string, target: number, href: string | null | undefined) => {
    const isDisabled = target < 1 || target > pages;
    if (links && href && !isDisabled) {
      return (
        <ButtonLink variant="secondary" size="sm" href={href}>
          {label}
        </ButtonLink>
      );
    }
    return (
      <Button variant="secondary" size="sm" disabled={isDisabled || !onPage} onClick={() => onPage?.(target)}>
        {label}
      </Button>
    );
  };
  return (
    <nav aria-label="Pages" className="no-print mt-4 flex items-center justify-between text-sm">
      {step('Previous', page - 1, links?.previous)}
      <span className="text-slate-600">
        Page {page} of {pages}
      </span>
      {step('Next', page + 1, links?.next)}
    </nav>
  );
}
