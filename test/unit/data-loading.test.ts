// Pages load data one way (issue 20, point 6): a server component wraps its client view in
// <HydrateClient prefetch={[...]}>. A query still pending when it is dehydrated crosses as a
// promise that the server's HTML render and the browser's hydration can find in different states,
// so one shows a loading state and the other the data (React #418, under load only; see
// app/_trpc/query-client.ts). These checks keep both halves of the fix: only finished queries are
// dehydrated, and pages prefetch only through HydrateClient, which waits for its queries.
import fs from 'node:fs';
import path from 'node:path';
import { dehydrate, hydrate } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { makeQueryClient } from '@/app/_trpc/query-client';

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the query client both sides share', () => {
  it('dehydrates finished queries only (not pending, not failed), with dates kept across', async () => {
    const server = makeQueryClient();
    void server.prefetchQuery({ queryKey: ['still running'], queryFn: () => new Promise<never>(() => {}) });
    await server.prefetchQuery({ queryKey: ['done'], queryFn: async () => ({ at: new Date('2026-12-05T12:00:00Z'), count: 3 }) });
    await server.prefetchQuery({ queryKey: ['refused'], queryFn: async () => Promise.reject(new Error('no')), retry: false });
    expect(server.getQueryState(['still running'])?.status).toBe('pending');

    const state = dehydrate(server);
    expect(state.queries.map((query) => query.queryKey)).toEqual([['done']]);
    expect(state.queries.some((query) => query.promise !== undefined)).toBe(false);

    const browser = makeQueryClient();
    hydrate(browser, JSON.parse(JSON.stringify(state)));
    const data = browser.getQueryData<{ at: Date; count: number }>(['done']);
    expect(data?.at).toBeInstanceOf(Date);
    expect(data).toEqual({ at: new Date('2026-12-05T12:00:00Z'), count: 3 });
  });
});

describe('server components', () => {
  const sources = filesIn(path.join(process.cwd(), 'app')).map((file) => ({ file: path.relative(process.cwd(), file), source: fs.readFileSync(file, 'utf8') }));

  it('prefetch through HydrateClient (which waits) and nowhere else', () => {
    const users = sources.filter(({ source }) => /<HydrateClient\b/.test(source));
    expect(users.length).toBeGreaterThanOrEqual(6);
    expect(users.filter(({ source }) => source.startsWith("'use client'")).map(({ file }) => file)).toEqual([]);
    // A server-side query started elsewhere on the request's client could be still running when a boundary dehydrates.
    const server = sources.filter(({ file, source }) => !source.startsWith("'use client'") && file !== path.join('app', '_trpc', 'server.tsx'));
    const elsewhere = server.filter(({ source }) => /\b(prefetchQuery|prefetchInfiniteQuery|fetchQuery|getQueryClient)\(/.test(source));
    expect(elsewhere.map(({ file }) => file)).toEqual([]);
  });

  it('are pages that prefetch, or say beside their default export why they do not', () => {
    // The exception is written where a newcomer looks: in the lines just above `export default` or
    // in its first line (a redirect decided first, a public page from a caller, no query at all).
    const pages = sources.filter(({ file }) => path.basename(file) === 'page.tsx');
    expect(pages.length).toBeGreaterThan(40);
    const silent = pages.filter(({ source }) => {
      if (/<HydrateClient\b/.test(source)) return false;
      const lines = source.split('\n');
      const at = lines.findIndex((line) => line.startsWith('export default'));
      return !lines.slice(Math.max(0, at - 3), at + 2).some((line) => line.trim().startsWith('//'));
    });
    expect(silent.map(({ file }) => file)).toEqual([]);
  });
});
