// Next.js calls register() once when a server process starts, before it serves a request.
export async function register() {
  // The edge runtime has no database; only the Node.js server starts one.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before any request: stamps each request with its socket's address (rate-limit keys).
  const { installClientAddressStamp } = await import('./server/client-address');
  installClientAddressStamp();
  // Route handlers' precompressed bodies pass through Next.js's compression (the public board).
  const { installPrecompressedResponses } = await import('./server/precompressed');
  installPrecompressedResponses();
  const { startServerOrExit } = await import('./server/startup');
  await startServerOrExit();
  // The public board's current documents are answered before Next.js (server/roadmap/service-board-fast-path.ts).
  const [{ getDb }, { installBoardFastPath }] = await Promise.all([import('./server/db'), import('./server/roadmap/service-board-fast-path')]);
  installBoardFastPath(await getDb());
  // Survey responses and ratings are answered before Next.js by their own handlers (server/rest-fast-path.ts).
  const { installRestFastPath } = await import('./server/rest-fast-path');
  installRestFastPath(await getDb());
}
