import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { EMULATOR_CREDENTIALS } from "../../scripts/start-env";
import { E2E_ADMIN, E2E_OPERATOR, E2E_VIEWER, expect, test } from "./fixtures";
import { E2E_DATA_DIR } from "./fixtures/constants";

const PAGES = ["/", "/traffic", "/flows", "/diagnose", "/flow-logs"];

test.describe("security headers", () => {
  test("every page answers with a nonce CSP, no eval, no framing, nosniff and a referrer policy", async ({
    request,
  }) => {
    for (const path of [...PAGES, "/api/overview", "/signin"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      const headers = res.headers();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).not.toContain("unsafe-eval");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      // Served over plain HTTP here: HSTS would be wrong.
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
  });

  test("HSTS is sent when a proxy says the browser came over HTTPS", async ({ request }) => {
    const res = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  test("the pages render under the CSP with no violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/content security policy|refused to (load|execute|apply)/i.test(msg.text()))
        violations.push(msg.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    for (const path of PAGES) {
      await page.goto(`${path}?region=us-east-1`);
      await expect(page.getByRole("main")).toBeVisible();
      // Client components hydrated (scripts ran): the header's region switcher is interactive.
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
  });
});

test.describe("CSRF", () => {
  test("a cross-site POST to an API route is refused before anything runs", async ({ request }) => {
    const res = await request.post("/api/overview", {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: "{}",
    });
    expect([403, 405]).toContain(res.status());
  });
});

/** Every file under `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("no server secret is in the client bundles", () => {
  const secrets: Record<string, string> = {
    AUTH_SECRET: readFileSync(join(E2E_DATA_DIR, "auth-secret"), "utf8").trim(),
    FLOWSCOPE_ADMIN_PASSWORD: E2E_ADMIN.password,
    "FLOWSCOPE_LOCAL_USERS (viewer)": E2E_VIEWER.password,
    "FLOWSCOPE_LOCAL_USERS (operator)": E2E_OPERATOR.password,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
  };
  for (const [name, value] of Object.entries(process.env)) {
    if (/^AUTH_.*SECRET$|SECRET_ACCESS_KEY$/.test(name) && value && value.length >= 8) secrets[name] = value;
  }
  for (const value of Object.values(secrets)) expect(value.length).toBeGreaterThanOrEqual(8);
  const bundles = files(".next/static");
  expect(bundles.length).toBeGreaterThan(10);
  const leaks: string[] = [];
  for (const file of bundles) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of Object.entries(secrets))
      if (text.includes(value)) leaks.push(`${name} in ${file}`);
  }
  expect(leaks).toEqual([]);
});

test.describe("failed sign-ins", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("lock the account after five failures, with a clear message", async ({ page, signInPage }) => {
    // An unknown account, so the lock touches no account other specs sign in with.
    const username = `nobody-${Date.now()}`;
    await signInPage.goto();
    for (let i = 0; i < 5; i++) {
      await signInPage.signIn(username, `guess-${i}`);
      // The form resets its fields when the action has answered; only then is the message this attempt's.
      await expect(signInPage.password).toHaveValue("");
      await expect(signInPage.submit).toBeEnabled();
      await expect(signInPage.error).toHaveText("Wrong username or password.");
    }
    await signInPage.signIn(username, "guess-5");
    await expect(signInPage.error).toHaveText(/Too many failed sign-ins\. Try again in 1[45] minutes\./);
    await expect(page).toHaveURL(/\/signin/);
  });
});
