// Any address no page answers: the 404 page, rendered per request. Next.js's own 404 is rendered
// at build time, so its scripts could not carry the nonce of each response's Content-Security-
// Policy (proxy.ts) and the page would not hydrate.
import { notFound } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default function MissingPage() {
  // No data: the 404 page.
  notFound();
}
