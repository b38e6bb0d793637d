import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, installedBrowser, SYSTEM_CHROMIUM } from "./find-browser";

const PLAYWRIGHT_CHROME = "/home/u/.cache/ms-playwright/chromium-1234/chrome-linux/chrome";

describe("installedBrowser", () => {
  it("prefers Debian's Chromium", () => {
    const found = installedBrowser(
      () => true,
      () => PLAYWRIGHT_CHROME,
    );
    expect(found).toEqual({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS, source: "system" });
  });

  it("falls back to Playwright's Chromium when it is on disk", () => {
    const found = installedBrowser(
      (path) => path === PLAYWRIGHT_CHROME,
      () => PLAYWRIGHT_CHROME,
    );
    expect(found?.source).toBe("playwright");
    expect(found?.executablePath).toBe(PLAYWRIGHT_CHROME);
  });

  it("finds nothing when neither is installed", () => {
    expect(
      installedBrowser(
        () => false,
        () => PLAYWRIGHT_CHROME,
      ),
    ).toBeUndefined();
  });

  it("keeps Chromium off the network", () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(["--disable-background-networking", "--disable-quic"]),
    );
  });
});
