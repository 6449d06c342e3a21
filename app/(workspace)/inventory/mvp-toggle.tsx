'use client';
// Marks a theme as one of the one or two the MVP is scoped to, or takes the mark off.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/app/_components/button';
import { useCanEdit } from '@/app/_components/session-context';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

export function MvpToggle({ themeId, title, isFocus }: { themeId: string; title: string; isFocus: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const canEdit = useCanEdit();
  const [isRefreshing, startTransition] = useTransition();
  const toggle = useMutation(
    trpc.themes.setMvpFocus.mutationOptions({
      onSuccess: () => {
        toast(isFocus ? 'Removed from the MVP focus' : 'Marked as MVP focus');
        startTransition(() => router.refresh());
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  if (!canEdit) return null;
  return (
    <Button
      variant={isFocus ? 'secondary' : 'ghost'}
      size="sm"
      isBusy={toggle.isPending || isRefreshing}
      aria-pressed={isFocus}
      aria-label={`MVP focus: ${title}`}
      onClick={() => toggle.mutate({ id: themeId, isFocus: !isFocus })}
    >
      <span aria-hidden>{isFocus ? '★' : '☆'}</span> MVP focus
    </Button>
  );
}
