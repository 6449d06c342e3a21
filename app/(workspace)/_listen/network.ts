// Whether a failed call never reached the server (offline, server restarting): then what was
// typed stays on this device and is sent again later, instead of being shown as refused.
import { TRPCClientError } from '@trpc/client';

export function isNetworkError(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  if (error instanceof TRPCClientError) return !error.data;
  return error instanceof TypeError;
}
