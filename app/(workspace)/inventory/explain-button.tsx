'use client';
// "How was this computed?" beside a theme in the ranking: opens the theme's numbers taken apart
// (each developer's items, the value that counted, the median and the score) for the same filter.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { ThemeExplanationView } from '@/app/_components/theme-explanation';
import { describeError, useTRPC } from '@/app/_trpc/client';
import type { InventoryFilterInput } from '@/server/inventory/inventory-params';

function Explanation({ themeId, filter }: { themeId: string; filter: InventoryFilterInput }) {
  const trpc = useTRPC();
  const explanation = useQuery(trpc.themes.explain.queryOptions({ id: themeId, filter }));
  if (explanation.isPending) return <LoadingState label="Loading how the numbers were computed…" />;
  if (explanation.isError) return <ErrorState message={describeError(explanation.error).message} onRetry={() => explanation.refetch()} />;
  return <ThemeExplanationView explanation={explanation.data} hasDeveloperLinks caption="Affected developers: their evidence, and the hours each loses per month" />;
}

export function ExplainButton({ themeId, title, filter }: { themeId: string; title: string; filter: InventoryFilterInput }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" aria-label={`How was this computed: ${title}`} onClick={() => setOpen(true)}>
        How was this computed?
      </Button>
      <Dialog title={`How was this computed? ${title}`} isOpen={isOpen} onClose={() => setOpen(false)} isWide>
        <Explanation themeId={themeId} filter={filter} />
      </Dialog>
    </>
  );
}
