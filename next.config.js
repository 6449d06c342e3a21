// Next.js configuration. Packages that load WebAssembly or native code at run time stay outside
// the server bundle so they resolve their own files from node_modules.

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'kysely-pglite-dialect', '@node-rs/argon2', 'pg', 'pg-copy-streams'],
  poweredByHeader: false,
  // Cold start (issue 19): `next start` would require every page's modules in the background at
  // start, competing with the first request and the database's start on the one main thread; each
  // page's modules load when it is first asked for instead (first page about a third sooner).
  experimental: { preloadEntriesOnStart: false },
  // `npm test` (test/run-all.sh) builds only after its own typecheck passed: it sets this so the
  // build does not check the same types again (tens of seconds of CPU on two cores).
  typescript: { ignoreBuildErrors: process.env.FRICTIONLOG_TYPES_CHECKED === '1' },
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1'],
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
};

module.exports = nextConfig;
