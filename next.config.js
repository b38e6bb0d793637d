/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking runs as its own step (`npm run typecheck`, native tsc 7), not inside `next build`.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@duckdb/node-api"],
};

export default nextConfig;
