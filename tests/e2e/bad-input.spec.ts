import { expect, test } from "./fixtures";
import { FlowsPage } from "./pages/flows-page";
import { emulatorStats } from "./support/emulator";

/** The pages' own answers to malformed input: named inline, no crash, no query started. */
test.describe("bad input in forms and URLs", () => {
  test("diagnose: an address that is not one is named, the page stays usable", async ({ page }) => {
    await page.goto("/diagnose");
    const form = page.locator("form").filter({ has: page.locator('input[name="from"]') });
    await form.locator('input[name="from"]').fill("10.0.0.300");
    await form.locator('input[name="to"]').fill("prod-app-1");
    await form.locator('input[name="port"]').fill("22");
    await form.getByRole("button").first().click();
    await expect(page.getByRole("alert").filter({ hasText: /source "10\.0\.0\.300"/ })).toBeVisible();
    await expect(page.locator('input[name="from"]')).toHaveValue("10.0.0.300");
  });

  test("diagnose: a reversed or enormous window in the URL is refused with the field", async ({ page }) => {
    await page.goto(
      "/diagnose?from=prod-app-1&to=prod-reports-db&port=5432&start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z",
    );
    await expect(page.getByRole("alert").filter({ hasText: "Start must be before end." })).toBeVisible();
    await page.goto("/diagnose?from=prod-app-1&to=prod-reports-db&port=5432&start=2000-01-01T00:00:00Z");
    await expect(page.getByRole("alert").filter({ hasText: "at most 31 days" })).toBeVisible();
  });

  test("traffic: hostile URL parameters are named and nothing is queried", async ({ page }) => {
    const before = (await emulatorStats())["logs:StartQuery"] ?? 0;
    for (const [param, value, field] of [
      ["region", "us-east-1'; DROP", "region"],
      ["protocol", "smtp-over-carrier-pigeon", "protocol"],
      ["src", "10.0.0.1 | display @message", "src"],
      ["dstPort", "\u202e22", "dstPort"],
    ] as const) {
      await page.goto(`/traffic?${new URLSearchParams({ [param]: value })}`);
      // Next.js's empty route announcer is role="alert" too.
      const alert = page.locator('[role="alert"]:not(#__next-route-announcer__)').first();
      await expect(alert, `${param}=${value}`).toContainText(field);
    }
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);
  });

  test("flows: an Insights injection in the expert filter is named inline and starts no query", async ({
    page,
  }) => {
    const flows = new FlowsPage(page);
    await page.goto("/flows");
    await flows.expectSettled();
    const before = (await emulatorStats())["logs:StartQuery"] ?? 0;
    const sent = flows.recordRequests.length;
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    await page.goto(`/flows?vpc=${vpc}&q=${encodeURIComponent("dstPort = 22 | display @message")}`);
    await expect(page.getByRole("alert").first()).toContainText("|");
    await page.waitForTimeout(500);
    expect(flows.recordRequests.length).toBe(sent);
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);
  });
});
