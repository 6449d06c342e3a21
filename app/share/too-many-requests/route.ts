// Where a share link sends a client that went over its rate limit: a page rendering cannot set
// its own HTTP status, so the page redirects here and this answers 429 with Retry-After.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const asked = Number(new URL(request.url).searchParams.get('retryAfter'));
  const seconds = Number.isInteger(asked) && asked > 0 && asked <= 3600 ? asked : 60;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Too many requests · Frictionlog</title></head>
<body style="font-family: system-ui, sans-serif; color: #0f172a; max-width: 32rem; margin: 4rem auto; padding: 0 1.5rem">
<h1 style="font-size: 1.25rem">Too many requests</h1>
<p>This link was opened too often from your network in the last minute. Try again in ${seconds} seconds.</p>
</body></html>`;
  return new Response(html, {
    status: 429,
    headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(seconds), 'cache-control': 'no-store' },
  });
}
