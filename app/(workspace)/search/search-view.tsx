'use client';
// One search box over everything heard from developers: interviews, shadowing notes, friction
// events, evidence, the directory, pain themes, tickets, post-mortems, requests and survey comments. Words are matched with their other forms ("deploys" finds
// "deploying"), "quoted phrases" and -excluded words work, and each result opens its exact spot.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { MAX_SEARCH, SEARCH_GROUPS, SEARCH_GROUP_LABELS } from '@/server/search/search-text';
import { controlClass } from '@/app/_components/field';
import { PageHeader } from '@/app/_components/page-header';
import { Pager, useUrlParams } from '@/app/_components/pager';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatDay } from '@/app/_components/format';
import { plural } from '@/app/(workspace)/_listen/format';
import { PAGE_SIZE, searchInputs } from './inputs';

export function SearchView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const { params, setParams: go, page } = useUrlParams();
  const { query, group, input, isEnabled } = searchInputs(params);
  const [text, setText] = useState(query);

  // Typing searches after a short pause; the URL keeps the search so it can be shared or reloaded.
  useEffect(() => {
    if (text === query || text.length > MAX_SEARCH) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams();
      if (text.trim()) next.set('q', text);
      if (group) next.set('kind', group);
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, query, group, pathname, router]);

  const search = useQuery({
    ...trpc.search.query.queryOptions(input),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
  });


  const data = search.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const isTooLong = text.length > MAX_SEARCH;

  return (
    <>
      <PageHeader title="Search" description="Find what developers said and what you observed: interviews, shadowing notes, friction events, evidence, developers, pain themes, tickets, post-mortems, roadmap requests and survey comments." />
      <form role="search" aria-label="Search everything" onSubmit={(event) => event.preventDefault()} className="mb-4">
        <label htmlFor="search-box" className="mb-1 block text-sm font-medium text-slate-800">
          Words to find
        </label>
        <input
          id="search-box"
          type="search"
          className={`${controlClass} text-base`}
          placeholder='e.g. staging ticket, "service template", tracing -kafka'
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={isTooLong || undefined}
          aria-describedby="search-hint"
          // The page exists to search: the box is where the cursor belongs.
          autoFocus
        />
        <p id="search-hint" className={`mt-1 text-xs ${isTooLong ? 'text-red-700' : 'text-slate-600'}`}>
          {isTooLong
            ? `Keep the search under ${MAX_SEARCH.toLocaleString('en-US')} characters (it has ${text.length.toLocaleString('en-US')}).`
            : 'Use "quotes" for a phrase, -word to leave a word out, or OR between alternatives. Ctrl+K (⌘K) jumps to any page, theme, developer or ticket.'}
        </p>
      </form>

      {query.trim() && data && (
        <div role="group" aria-label="Show results from" className="mb-4 flex flex-wrap gap-2">
          <FilterButton label={`All (${SEARCH_GROUPS.reduce((sum, key) => sum + data.totals[key], 0)})`} isActive={!group} onClick={() => go({ kind: null })} />
          {SEARCH_GROUPS.map((key) => (
            <FilterButton key={key} label={`${SEARCH_GROUP_LABELS[key]} (${data.totals[key]})`} isActive={group === key} onClick={() => go({ kind: key })} />
          ))}
        </div>
      )}

      {!query.trim() ? (
        <EmptyState title="Search everything you have heard">
          Type a few words: a tool (“Jenkins”), a pain (“waiting for staging”), a team or a developer’s name. Results are ranked by how well
          they match, with the matching words marked.
        </EmptyState>
      ) : search.isPending ? (
        <LoadingState label="Searching…" />
      ) : search.isError ? (
        <ErrorState message={describeError(search.error).message} onRetry={() => search.refetch()} />
      ) : !data!.hasWords ? (
        <EmptyState title="Nothing to search for">
          “{data!.query}” has no words to look for: only very common words (like “the”) or symbols. Add a word that carries meaning.
        </EmptyState>
      ) : data!.total === 0 ? (
        <EmptyState title={`Nothing found for “${data!.query}”`}>
          Try fewer words, another form of the word, or remove a filter. Notes you have not saved yet are not searched.
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {plural(data!.total, 'result')}
            {data!.notice && ` · ${data!.notice}`}
          </p>
          <ol className="flex flex-col gap-3">
            {data!.results.map((result) => (
              <li key={`${result.kind}:${result.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={result.path} className="font-medium text-brand-700 hover:underline">
                    {result.title}
                  </Link>
                  <span className="text-xs text-slate-600">
                    {SEARCH_GROUP_LABELS[result.group]}
                    {result.date && ` · ${formatDay(result.date)}`}
                  </span>
                </div>
                <p className="mt-0.5 text-sm text-slate-600">{result.context}</p>
                <p className="mt-2 text-sm text-slate-800">
                  {result.snippet.map((part, index) =>
                    part.isMatch ? (
                      <mark key={index} className="rounded bg-amber-100 px-0.5 text-slate-900">
                        {part.text}
                      </mark>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </p>
              </li>
            ))}
          </ol>
          <Pager page={page} pages={pages} onPage={(next) => go({ page: String(next) })} />
        </>
      )}
    </>
  );
}

function FilterButton({ label, isActive, onClick }: { label: string; isActive: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={isActive}
      onClick={onClick}
      className={`rounded-full border px-3 py-1 text-sm ${isActive ? 'border-slate-800 bg-slate-800 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
    >
      {label}
    </button>
  );
}
