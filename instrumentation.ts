// Next.js calls register() once when a server process starts, before it serves a request.
export async function register() {
  // The edge runtime has no database; only the Node.js server starts one.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First: the database opens in the background from here on (requests wait for it in getDb), so
  // PGlite starts while Next.js loads the rest; a bad environment still stops start-up here.
  const { startServerOrExit } = await import('./server/startup');
  const started = startServerOrExit();
  // Before any request: stamps each request with its socket's address (rate-limit keys).
  const { installClientAddressStamp } = await import('./server/client-address');
  installClientAddressStamp();
  // Route handlers' precompressed bodies pass through Next.js's compression (the public board).
  const { installPrecompressedResponses } = await import('./server/precompressed');
  installPrecompressedResponses();
  // The public board's current documents, survey responses and ratings are answered before Next.js
  // once the database is open (server/roadmap/service-board-fast-path.ts, server/rest-fast-path.ts);
  // until then Next.js answers them.
  void started.then(async () => {
    const [{ getDb }, { installBoardFastPath }, { installRestFastPath }] = await Promise.all([
      import('./server/db'),
      import('./server/roadmap/service-board-fast-path'),
      import('./server/rest-fast-path'),
    ]);
    const db = await getDb();
    installBoardFastPath(db);
    installRestFastPath(db);
  });
}
