// Server components load data one way (create-t3-turbo's): `<HydrateClient prefetch={[trpc.x.queryOptions(input)]}>`
// runs the queries on the server, waits for them and hands their results to the browser's cache;
// the client component inside reads the same queries with useQuery, so the first HTML already
// shows the data. The same procedures and role checks as the browser, called in-process with the
// request's cookies; one QueryClient per request. Why it waits: query-client.ts.
//
// A query the workspace layout's components read (the demo banner's demo.status) is prefetched
// by the layout, not only by a page: the layout hydrates before the page's part of the HTML, and
// a query the banner fetched in the browser meanwhile would reach the page as data where the
// server's HTML showed it loading (React #418 again).
import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { createRequestContext } from '@/server/http-context';
import { appRouter, createCaller } from '@/server/root';
import { makeQueryClient } from './query-client';

export const getQueryClient = cache(makeQueryClient);

const createContext = cache(async () => createRequestContext({ headers: await headers() }));

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options, as create-t3-turbo types it
type AnyQueryOptions = ReturnType<TRPCQueryOptions<any>>;

/**
 * Runs the given queries on the server, waits for them, and hands the finished ones to the
 * browser's cache for the client components inside. create-t3-turbo's prefetch() + <HydrateClient>
 * in one piece, so a page cannot forget to await (query-client.ts says why it must). A refusal or
 * failure is not retried here and not sent: the browser's query fetches (and retries) it as before,
 * showing the same loading state the server's HTML did.
 *
 * `then` prefetches queries whose input is the first query's data, as a view asks for them once
 * that query is in (the inbox's suggestions for the rows of its list); it is not called when the
 * first query failed, and the browser then asks for both itself. Type the first query's data:
 * `<HydrateClient<RouterOutputs['x']['list']> prefetch={[list]} then={(data) => [...]}>`.
 */
export async function HydrateClient<TFirst = unknown>({
  prefetch,
  then,
  children,
}: {
  prefetch: AnyQueryOptions[];
  then?: (first: TFirst) => AnyQueryOptions[];
  children: ReactNode;
}) {
  const queryClient = getQueryClient();
  const run = (queries: AnyQueryOptions[]) => Promise.all(queries.map((options) => queryClient.prefetchQuery({ ...options, retry: false })));
  await run(prefetch);
  const first = then && prefetch[0] ? queryClient.getQueryData<TFirst>(prefetch[0].queryKey) : undefined;
  if (then && first !== undefined) await run(then(first));
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}

/**
 * A caller for what a page decides on the server before rendering (redirects, not-found, a 429
 * status) rather than shows; data a client component shows goes through HydrateClient.
 */
export const getServerCaller = cache(async () => createCaller(await createContext()));
