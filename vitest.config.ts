import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Next resolves it to an empty module under the react-server condition; tests run server code too.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: [
      "{lib,emulator,scripts,components,app,bench}/**/*.test.{ts,tsx}",
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
    ],
    exclude: ["node_modules", ".next", "tests/e2e/**"],
    environment: "node",
    // next-auth's ESM imports "next/server" without an extension; inlined, Vite resolves it like Next does.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 20_000,
    // The README asks for Node 22+; on Node 20 the SDK would print the same warning from every worker.
    // Tests that reach the app's data folder (audit log, users, auth secret) get a scratch one, never ./data.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      FLOWSCOPE_DATA_DIR: mkdtempSync(join(tmpdir(), "flowscope-vitest-")),
    },
  },
});
