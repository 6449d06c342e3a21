// The react-query client of both sides: the browser's (one per tab) and the server's (one per
// request, app/_trpc/server.tsx). Queries a server component prefetched cross to the browser
// dehydrated with superjson, so dates arrive as dates, pending ones included (streamed).
import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
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
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
