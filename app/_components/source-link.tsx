// The link from an evidence item back to its exact spot. Never prefetched: a transcript turn's
// address redirects to the interview's recording on another site (the company's video tool), which
// a prefetch would try to load in the background.
import Link from 'next/link';
import type { ComponentProps } from 'react';

export function SourceLink(props: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  return <Link {...props} prefetch={false} />;
}
