/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking runs as its own step (`npm run typecheck`, native tsc 7), not inside `next build`.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@duckdb/node-api"],
  // proxy.ts sets these (and the CSP) on pages and APIs; static files, which it skips, get them here.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
