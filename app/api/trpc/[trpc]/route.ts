// The tRPC HTTP endpoint used by the browser (origin, body-size and text checks in server/trpc-http.ts).
export { trpcRoute as GET, trpcRoute as POST } from '@/server/trpc-http';

export const dynamic = 'force-dynamic';
