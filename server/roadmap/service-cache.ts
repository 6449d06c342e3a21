// The public roadmap page is served from Next.js's page cache (see README, "Public roadmap
// cache"). Changes that developers should see at once refresh this process's copy; other app
// processes refresh theirs on their own within the page's revalidate time.
import { revalidatePath } from 'next/cache';

/** Where /roadmap is rendered and cached (next.config.js rewrites /roadmap to it). */
export const PUBLIC_BOARD_PATH = '/roadmap/board';

/** Re-renders the public board on its next visit. Outside a Next.js request (tests, scripts) there is no page cache. */
export function refreshPublicBoard(): void {
  try {
    revalidatePath(PUBLIC_BOARD_PATH);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Invariant: static generation store missing')) return;
    throw error;
  }
}
