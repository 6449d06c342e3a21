// POST /roadmap/unsubscribe/confirm: the unsubscribe page's form; answers with a redirect (server/request-emails/rest.ts).
export { postUnsubscribeRoute as POST } from '@/server/request-emails/rest';

export const dynamic = 'force-dynamic';
