// One pain theme. A theme merged into another forwards to it (and says so there).
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { TRPCError } from '@trpc/server';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { getServerCaller, HydrateClient, trpc } from '@/app/_trpc/server';
import { themeInputs } from '@/app/(workspace)/themes/inputs';
import { ThemeView } from './theme-view';

export const metadata: Metadata = { title: 'Pain theme' };

export default async function ThemePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const { id } = await params;
  // The caller decides notFound and the merged-theme redirect; the view's data is prefetched below.
  let live;
  try {
    live = await (await getServerCaller()).themes.live({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') notFound();
    throw error;
  }
  if (!live) notFound();
  if (live.id !== id) redirect(`/themes/${live.id}?mergedFrom=${id}`);
  // Prefetched with the filters and narrowing the view reads from the same address (themes/inputs.ts).
  const { filter, evidence, isTeamsShown } = themeInputs(id, toUrlSearchParams(await searchParams));
  const prefetch = [
    trpc.themes.get.queryOptions({ id, filter }),
    trpc.themes.explain.queryOptions({ id, filter }),
    trpc.themes.evidence.queryOptions(evidence),
    ...(isTeamsShown ? [trpc.teams.list.queryOptions()] : []),
  ];
  return (
    <HydrateClient prefetch={prefetch}>
      <Suspense fallback={<LoadingState />}>
        <ThemeView id={id} />
      </Suspense>
    </HydrateClient>
  );
}
