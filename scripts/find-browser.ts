import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * Without the networking flags Chromium keeps calling Google's services at start, which a closed network
 * (CI, this project's machines) refuses many times over; --no-sandbox because CI runs as root.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface Browser {
  executablePath: string;
  args: string[];
  source: "system" | "playwright";
}

export const NO_BROWSER_HELP = `No Chromium found for the end-to-end tests. Install one of:
  - Debian's Chromium:      sudo apt-get install -y chromium      (gives ${SYSTEM_CHROMIUM})
  - Playwright's Chromium:  npx playwright install chromium       (needs access to Playwright's download site)`;

/**
 * The Chromium the end-to-end tests drive: Debian's when installed, else Playwright's own build when it is
 * on disk. With `install`, a missing browser is fetched with `npx playwright install chromium` as a last
 * resort (this fails on machines that reach only package registries).
 */
export function findBrowser(options: { install?: boolean } = {}): Browser {
  const found = installedBrowser();
  if (found) return found;
  if (options.install) {
    console.log("No Chromium found; trying `npx playwright install chromium`…");
    spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
    const installed = installedBrowser();
    if (installed) return installed;
  }
  throw new Error(NO_BROWSER_HELP);
}

/** The first Chromium on disk, Debian's before Playwright's. */
export function installedBrowser(
  exists: (path: string) => boolean = existsSync,
  playwrightPath: () => string = () => chromium.executablePath(),
): Browser | undefined {
  if (exists(SYSTEM_CHROMIUM))
    return { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS, source: "system" };
  const bundled = playwrightPath();
  if (bundled && exists(bundled))
    return { executablePath: bundled, args: CHROMIUM_ARGS, source: "playwright" };
  return undefined;
}
