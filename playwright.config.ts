import { defineConfig, devices } from "@playwright/test";
import { findBrowser } from "./scripts/find-browser";
import {
  ADMIN_STORAGE_STATE,
  E2E_ADMIN,
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_EMULATOR_PORT,
  E2E_JSON_REPORT,
  E2E_LOCAL_USERS,
  E2E_PORT,
} from "./tests/e2e/fixtures/constants";

const CI = Boolean(process.env.CI);
const browser = findBrowser();

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // A soft navigation re-renders server components that ask AWS (or the emulator): on a busy 2-core
  // machine that can take longer than Playwright's default 5 s.
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
    ["json", { outputFile: E2E_JSON_REPORT }],
  ],
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: "only-on-failure",
    trace: "on-first-retry",
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
  },
  projects: [
    { name: "setup", testMatch: /fixtures\/auth\.setup\.ts$/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: ADMIN_STORAGE_STATE },
    },
  ],
  webServer: {
    // Wiped here, not in globalSetup: Playwright starts the web server before globalSetup runs.
    command: `rm -rf ${E2E_DATA_DIR} && node_modules/.bin/tsx scripts/start.ts --demo --port ${E2E_PORT} --emulator-port ${E2E_EMULATOR_PORT}`,
    url: `${E2E_BASE_URL}/api/health`,
    env: {
      FLOWSCOPE_DATA_DIR: E2E_DATA_DIR,
      FLOWSCOPE_ADMIN_PASSWORD: E2E_ADMIN.password,
      FLOWSCOPE_LOCAL_USERS: E2E_LOCAL_USERS,
      NEXT_TELEMETRY_DISABLED: "1",
      // Queries stay Running for 1 s (default 300 ms), so traffic.spec.ts can press Cancel mid-query.
      FLOWSCOPE_EMULATOR_QUERY_MIN_MS: "1000",
    },
    reuseExistingServer: !CI,
    // The first run on a fresh clone includes `next build`.
    timeout: 10 * 60_000,
    // start.ts stops the emulator and the app (their own process groups) on SIGTERM; Playwright's fallback,
    // SIGKILL to start.ts's group, would leave them running.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
