import { TRPCError } from '@trpc/server';

/** The TRPCError a call was refused with; fails the test when the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** Calls until a call is refused (a rate limit): how many were accepted before, and the refusal. */
export async function untilRefused(call: () => Promise<unknown>, atMost: number): Promise<{ accepted: number; error: unknown }> {
  for (let accepted = 0; accepted < atMost; accepted += 1) {
    try {
      await call();
    } catch (error) {
      return { accepted, error };
    }
  }
  return { accepted: atMost, error: null };
}
