'use client';
import { ErrorState } from '@/app/_components/states';

export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  return (
    <ErrorState
      message="Something went wrong while showing this page. Try again; if it keeps happening, tell your Frictionlog admin."
      onRetry={reset}
    />
  );
}
