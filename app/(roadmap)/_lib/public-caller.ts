// A tRPC caller for public pages: no session and no request headers, so a page that uses it can
// be rendered once and served from the page cache. Same procedures and output schemas as HTTP.
import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { createCaller } from '@/server/root';
import { createContextInner } from '@/server/trpc';

export async function getPublicCaller() {
  return createCaller(createContextInner({ db: await getDb() }));
}

/** A missing or malformed id shows the 404 page rather than an error. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}
