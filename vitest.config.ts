import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,emulator,scripts,components,app,bench}/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
    exclude: ["node_modules", ".next", "tests/e2e/**"],
    environment: "node",
    testTimeout: 20_000,
    // server-only throws outside a React Server Component bundle; unit tests import lib/aws directly.
    server: { deps: { inline: [] } },
  },
});
