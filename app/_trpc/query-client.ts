// The react-query client of both sides: the browser's (one per tab) and the server's (one per
// request, app/_trpc/server.tsx). Queries a server component prefetched cross to the browser
// dehydrated with superjson, so dates arrive as dates.
//
// Only finished queries are dehydrated (react-query's default: successful ones), never pending
// ones, unlike create-t3-turbo, which sends a pending query's promise for useSuspenseQuery. With
// useQuery that promise causes a hydration mismatch (React #418) that depends on timing: the
// promise crosses as a stream and hydrate() takes its data only if it has already resolved when
// <HydrationBoundary> renders. The server's HTML render reads it early (loading state), the
// browser's hydration reads it later, after the stream ended (data), and the two texts differ;
// on a quiet machine both usually read it at the same state, under load they do not. So
// <HydrateClient> (server.tsx) waits for the queries it prefetches, and whatever is still in flight
// when a boundary dehydrates (another part of the request prefetching into the same client) stays
// out and is fetched by the browser instead: both renders then show the same loading state.
import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import superjson from 'superjson';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Do not retry what the server refused on purpose (bad input, no permission, not found).
        retry: (failureCount, error) => {
          const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
          return typeof status === 'number' && status < 500 ? false : failureCount < 2;
        },
      },
      dehydrate: { serializeData: superjson.serialize, shouldDehydrateQuery: (query) => query.state.status === 'success' },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
