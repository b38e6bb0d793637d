import { DescribeQueriesCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { FlowsPage } from "./pages/flows-page";
import { TrafficPage } from "./pages/traffic-page";
import { clearFaults, emulatorLogs, emulatorStats, setFaults } from "./support/emulator";

const MINUTE = 60_000;
/** Slow on purpose: every AWS call takes 2 s more, and retries add up. */
const SLOW = 90_000;

/** A one-hour window no other test asks for (so no cache answers it), `minutesAgo` before now. */
function uniqueWindow(minutesAgo: number): string {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - minutesAgo * MINUTE;
  return `range=custom&start=${end - 60 * MINUTE}&end=${end}`;
}

let prodVpc = "";
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/traffic");
  prodVpc = new URL(page.url()).searchParams.get("vpc") ?? "";
  await page.close();
  expect(prodVpc).toMatch(/^vpc-/);
});

test.afterEach(async () => {
  await clearFaults();
  // Queries still running from a slow test would slow down the specs that follow: let them finish first.
  await expect
    .poll(
      async () =>
        ((await emulatorLogs.send(new DescribeQueriesCommand({}))).queries ?? []).filter(
          (q) => q.status === "Running" || q.status === "Scheduled",
        ).length,
      { timeout: 60_000 },
    )
    .toBe(0);
});

/**
 * Waits until a panel has answered (no endless spinner). When AWS kept refusing past the SDK's retries
 * (its retry quota protects the account from retry storms), the panel says so with Retry: press it, as a
 * user would, until the data comes.
 */
async function settleWithRetries(panel: Locator, timeout: number): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    await expect(panel).toHaveAttribute("data-state", /^(result|empty|error)$/, { timeout });
    if ((await panel.getAttribute("data-state")) !== "error") return;
    await expect(panel.getByTestId("panel-error")).toContainText(
      /RequestLimitExceeded|Throttling|Rate exceeded/,
    );
    await panel.getByRole("button", { name: "Retry" }).click();
  }
  await expect(panel).toHaveAttribute("data-state", /^(result|empty)$/, { timeout });
}

test.describe("AWS misbehaving", () => {
  test("with 30 % throttling and 2 s latency every page still renders (retries with backoff)", async ({
    page,
  }) => {
    test.setTimeout(6 * SLOW);
    await setFaults({ throttleRate: 0.3, latencyMs: 2000, seed: 7 });
    const before = await emulatorStats();

    await page.goto("/");
    const table = page.getByRole("table").first();
    const refused = page.getByRole("alert").filter({ hasText: /Could not/ });
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(table.or(refused)).toBeVisible({ timeout: SLOW });
      if (await table.isVisible()) break;
      await expect(refused).toContainText(/RequestLimitExceeded/);
      await refused.getByRole("button", { name: "Retry" }).click();
    }
    await expect(table).toBeVisible({ timeout: SLOW });

    const traffic = new TrafficPage(page);
    await page.goto(`/traffic?vpc=${prodVpc}&${uniqueWindow(211)}`);
    for (const panel of [traffic.series, traffic.top]) await settleWithRetries(panel, SLOW);

    const flows = new FlowsPage(page);
    await page.goto(`/flows?vpc=${prodVpc}&${uniqueWindow(223)}`);
    await settleWithRetries(flows.panel, SLOW);

    // The faults were really there: the emulator throttled some of the calls.
    const after = await emulatorStats();
    const calls = (stats: Record<string, number>) =>
      Object.entries(stats).reduce((n, [k, v]) => (k.includes(":") ? n + v : n), 0);
    expect(calls(after) - calls(before)).toBeGreaterThan(5);
  });

  test("a failing query shows an error panel whose Retry works once AWS recovers", async ({ page }) => {
    const traffic = new TrafficPage(page);
    await setFaults({ queryFailRate: 1 });
    await page.goto(`/traffic?vpc=${prodVpc}&${uniqueWindow(307)}`);
    await expect(traffic.series).toHaveAttribute("data-state", "error", { timeout: 60_000 });
    const error = traffic.series.getByTestId("panel-error");
    await expect(error).toContainText(/fail/i);
    await clearFaults();
    await error.getByRole("button", { name: "Retry" }).click();
    await expect(traffic.series).toHaveAttribute("data-state", /^(result|empty)$/, { timeout: 60_000 });
  });

  test("access denied: each page says which permission is missing, with no endless spinner", async ({
    page,
  }) => {
    await setFaults({ accessDenied: ["*"] });
    await page.goto("/");
    const overviewError = page.getByRole("alert").filter({ hasText: "UnauthorizedOperation" });
    await expect(overviewError).toContainText(/not authorized to perform: ec2:Describe/);
    await expect(overviewError.getByRole("button", { name: "Retry" })).toBeVisible();

    for (const path of [`/traffic?vpc=${prodVpc}`, `/flows?vpc=${prodVpc}`, "/flow-logs"]) {
      await page.goto(path);
      await expect(
        page
          .getByRole("alert")
          .filter({ hasText: /UnauthorizedOperation|AccessDenied/ })
          .first(),
      ).toBeVisible({
        timeout: 30_000,
      });
      await expect(page.getByText("Running query")).toHaveCount(0);
    }

    // Logs only: the topology loads, the traffic panels say what Insights refused.
    await setFaults({ accessDenied: ["logs:*"] });
    const traffic = new TrafficPage(page);
    await page.goto(`/traffic?vpc=${prodVpc}&${uniqueWindow(401)}`);
    await expect(traffic.series).toHaveAttribute("data-state", "error", { timeout: 30_000 });
    await expect(traffic.series.getByTestId("panel-error")).toContainText("AccessDeniedException");
    await expect(traffic.series.getByTestId("panel-error")).toContainText("logs:StartQuery");
  });

  test("recovering: after access denied, Retry on the overview loads the VPCs", async ({ page }) => {
    await setFaults({ accessDenied: ["ec2:*"] });
    await page.goto("/");
    const error = page.getByRole("alert").filter({ hasText: "UnauthorizedOperation" });
    await expect(error).toBeVisible({ timeout: 30_000 });
    await clearFaults();
    await error.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByRole("table").first()).toBeVisible({ timeout: 30_000 });
  });

  test("leaving a page while its query runs stops the query in Insights", async ({ page }) => {
    // Queries answer slowly, so the user leaves while they run.
    await setFaults({ latencyMs: 1500 });
    const before = (await emulatorStats())["logs:StopQuery"] ?? 0;
    const started = page.waitForResponse((r) => r.url().includes("/api/traffic/panel"));
    await page.goto(`/traffic?vpc=${prodVpc}&${uniqueWindow(503)}&dstPort=443`);
    await started;
    await expect.poll(async () => (await emulatorStats())["logs:StartQuery"] ?? 0).toBeGreaterThan(0);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page).toHaveURL(/\/(\?|$)/);
    await expect
      .poll(async () => (await emulatorStats())["logs:StopQuery"] ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(before);
  });
});
