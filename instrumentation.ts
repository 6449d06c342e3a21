// Next.js calls register() once when a server process starts, before it serves a request.
export async function register() {
  // The edge runtime has no database; only the Node.js server starts one.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerOrExit } = await import('./server/startup');
  await startServerOrExit();
}
