// Next.js configuration. Packages that load WebAssembly or native code at run time stay outside
// the server bundle so they resolve their own files from node_modules.

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'kysely-pglite-dialect', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1'],
  // Cached pages (only the public roadmap so far) are never served older than this many seconds:
  // a copy between its revalidate time and this age is served once while a fresh one renders;
  // an older one (another idle process, a restart) is rendered fresh first.
  expireTime: 60,
  // Every response, static files and the API included: no MIME sniffing, no address sent to other
  // sites. Pages get their Content-Security-Policy and framing rules from proxy.ts; the API and
  // files get a policy that runs nothing. widget.js is loaded by other sites' pages, so it may be.
  async headers() {
    const base = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'same-origin' },
    ];
    return [
      { source: '/:path*', headers: base },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
      { source: '/widget.js', headers: [{ key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' }] },
    ];
  },
  async rewrites() {
    // The public roadmap is a cached page under a dynamic segment, so the build does not render
    // it without a database (app/(roadmap)/roadmap/[view]/page.tsx).
    // Before the pages: the catch-all 404 page (app/[...missing]) would otherwise answer /roadmap.
    return { beforeFiles: [{ source: '/roadmap', destination: '/roadmap/board' }] };
  },
};

module.exports = nextConfig;
