import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/app/_components/states';
import { toUrlSearchParams, type SearchParamsRecord } from '@/app/_components/url-params';
import { HydrateClient, trpc } from '@/app/_trpc/server';
import { freeTextInput, surveyTab, trendInput } from './inputs';
import { SurveyView } from './survey-view';

export const metadata: Metadata = { title: 'Survey' };

// Prefetched on the server: the survey and what its tab in the address shows (inputs.ts). Not the "fits theme"
// suggestions beside free-text answers: they are asked for the answers shown, for editors only, so the browser loads them after.
export default async function SurveyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const { id } = await params;
  const tab = surveyTab(toUrlSearchParams(await searchParams));
  const byTab = {
    results: [
      trpc.surveys.results.queryOptions({ id }),
      trpc.surveys.trend.queryOptions(trendInput(id)),
      trpc.metrics.shipMarkers.queryOptions(),
      trpc.surveys.freeText.queryOptions(freeTextInput(id)),
    ],
    edit: [],
    preview: [trpc.teams.list.queryOptions()],
    share: [trpc.teams.list.queryOptions()],
  };
  return (
    <HydrateClient prefetch={[trpc.surveys.get.queryOptions({ id }), ...byTab[tab]]}>
      <Suspense fallback={<LoadingState />}>
        <SurveyView id={id} />
      </Suspense>
    </HydrateClient>
  );
}
