'use client';
// The browser's tRPC client and react-query cache, shared by every client component.
import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/root';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: '/api/trpc', transformer: superjson })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

export interface ErrorDetails {
  message: string;
  fieldErrors: Record<string, string[]>;
  details: Record<string, unknown> | null;
  httpStatus?: number;
}

/** What a failed call means for the form that made it: one message and per-field messages. */
export function describeError(error: unknown): ErrorDetails {
  if (error instanceof TRPCClientError) {
    const data = error.data as
      | { fieldErrors?: Record<string, string[]> | null; details?: Record<string, unknown> | null; httpStatus?: number }
      | undefined;
    const fieldErrors = data?.fieldErrors ?? {};
    // The server's message names the field for API users ("email: …"); people see the field itself.
    const firstFieldMessage = Object.values(fieldErrors)[0]?.[0];
    return {
      message: firstFieldMessage ?? error.message,
      fieldErrors,
      details: data?.details ?? null,
      httpStatus: data?.httpStatus,
    };
  }
  if (error instanceof Error && error.message === 'Failed to fetch') {
    return { message: 'Frictionlog cannot be reached. Check your connection and try again.', fieldErrors: {}, details: null };
  }
  return { message: 'Something went wrong. Try again.', fieldErrors: {}, details: null };
}
