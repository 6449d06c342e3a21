// One pain theme. A theme merged into another forwards to it (and says so there).
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { TRPCError } from '@trpc/server';
import { LoadingState } from '@/app/_components/states';
import { getServerCaller } from '@/app/_trpc/server';
import { ThemeView } from './theme-view';

export const metadata: Metadata = { title: 'Pain theme' };

export default async function ThemePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Another way on purpose: the caller only decides notFound and the merged-theme redirect; the view loads its data under Suspense.
  let live;
  try {
    live = await (await getServerCaller()).themes.live({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') notFound();
    throw error;
  }
  if (!live) notFound();
  if (live.id !== id) redirect(`/themes/${live.id}?mergedFrom=${id}`);
  return (
    <Suspense fallback={<LoadingState />}>
      <ThemeView id={id} />
    </Suspense>
  );
}
