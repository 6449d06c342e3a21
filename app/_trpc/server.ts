// A tRPC caller for server components: the same procedures and role checks as the browser uses,
// called in-process with the request's cookies.
import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createRequestContext } from '@/server/http-context';
import { createCaller } from '@/server/root';

export const getServerCaller = cache(async () => createCaller(await createRequestContext({ headers: await headers() })));
