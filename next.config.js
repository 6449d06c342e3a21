// Next.js configuration. Packages that load WebAssembly or native code at run time stay outside
// the server bundle so they resolve their own files from node_modules.

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'kysely-pglite-dialect', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  allowedDevOrigins: ['127.0.0.1'],
};

module.exports = nextConfig;
