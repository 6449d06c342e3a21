// Server components load data one way: `prefetch(trpc.x.queryOptions(input))` starts the query
// on the server, `<HydrateClient>` hands it to the browser's cache, and the client component reads
// the same query (create-t3-turbo's pattern). The same procedures and role checks as the browser,
// called in-process with the request's cookies; one QueryClient per request.
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

/** Starts a query on the server; HydrateClient sends its result (or its promise) to the browser. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options, as create-t3-turbo types it
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === 'infinite') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the infinite variant takes the same options
    void queryClient.prefetchInfiniteQuery(queryOptions as any);
  } else {
    void queryClient.prefetchQuery(queryOptions);
  }
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * A caller for what a page decides on the server before rendering (redirects, not-found, a 429
 * status) rather than shows; data a client component shows goes through prefetch.
 */
export const getServerCaller = cache(async () => createCaller(await createContext()));
