import { DescribeQueriesCommand } from "@aws-sdk/client-cloudwatch-logs";
import { expect, test } from "./fixtures";
import { E2E_EMULATOR_PORT } from "./fixtures/constants";
import { PANEL_TIMEOUT, TrafficPage } from "./pages/traffic-page";
import { countRejectedRecords, emulatorLogs } from "./support/emulator";

const MINUTE = 60_000;

/** StartQuery calls the emulator has served so far (its own count, not the app's). */
async function startQueryCount(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${E2E_EMULATOR_PORT}/_flowscope/stats`);
  const stats = (await res.json()) as Record<string, number>;
  return stats["logs:StartQuery"] ?? 0;
}

test.describe("traffic on the demo world", () => {
  test("the Traffic entry opens a chart of the first VPC with both series", async ({ page }) => {
    const traffic = new TrafficPage(page);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Traffic" }).click();
    await expect(page).toHaveURL(/\/traffic\?.*vpc=vpc-[0-9a-f]+/);
    await expect(page.getByLabel("VPC").locator("option:checked")).toContainText("prod");
    await traffic.expectLoaded();
    for (const series of ["accepted", "rejected"])
      await expect(page.getByTestId(`series-${series}`).locator(".recharts-area-area")).toBeVisible();
    await expect(traffic.rejectedTotal).toHaveAttribute("data-value", /^\d+$/);
    await expect(traffic.series.getByTestId("panel-footer")).toContainText(/Scanned|From cache/);
    await expect(page.getByTestId("freshness")).toContainText("5–10 minutes");
    await traffic.expectLoaded(traffic.top);
    await expect(traffic.top.getByTestId("top-row").first()).toBeVisible();
    await page.screenshot({ path: "test-results/e2e/traffic.png", fullPage: true });
  });

  test("the rejected total equals the REJECT records in the emulator's flow log", async ({ page }) => {
    const traffic = new TrafficPage(page);
    // An hour that ended long enough ago for every record to be delivered.
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE;
    const start = end - 60 * MINUTE;
    await page.goto("/traffic");
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    await page.goto(`/traffic?vpc=${vpc}&range=custom&start=${start}&end=${end}&metric=flows`);
    await traffic.expectLoaded();
    const shown = Number(await traffic.rejectedTotal.getAttribute("data-value"));
    const counted = await countRejectedRecords(vpc, start, end);
    expect(counted).toBeGreaterThan(0);
    expect(shown).toBe(counted);
  });

  test("a top talker filters the whole page and the URL", async ({ page }) => {
    const traffic = new TrafficPage(page);
    await page.goto("/traffic");
    await traffic.expectSettled();
    const row = traffic.top.getByTestId("top-row").first();
    const source = await row.getAttribute("data-key");
    expect(source).toBeTruthy();
    const before = traffic.panelRequests.length;
    await row.getByRole("link").click();

    await expect(page).toHaveURL(new RegExp(`[?&]src=${source?.replaceAll(".", "\\.")}(&|$)`));
    await expect(page.getByTestId("chip-src")).toContainText(source ?? "");
    await traffic.expectSettled();
    const filtered = traffic.panelRequests.slice(before).map((r) => new URL(r.url()).searchParams);
    expect(filtered.map((p) => p.get("panel")).sort()).toEqual(["timeseries", "top"]);
    for (const params of filtered) expect(params.get("src")).toBe(source);
    // The table turns to whom that source talks to.
    await expect(traffic.top.getByRole("link", { name: "Destinations" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await page.getByRole("link", { name: `Remove filter Source ${source}` }).click();
    await expect(page).not.toHaveURL(/[?&]src=/);
    await expect(page.getByTestId("chip-src")).toHaveCount(0);
  });

  test("the time range buttons change the URL", async ({ page }) => {
    const traffic = new TrafficPage(page);
    await page.goto("/traffic");
    await expect(traffic.rangeButton("1 h")).toHaveAttribute("aria-current", "true");
    for (const [label, key] of [
      ["6 h", "6h"],
      ["15 min", "15m"],
      ["7 d", "7d"],
      ["24 h", "24h"],
    ] as const) {
      await traffic.rangeButton(label).click();
      await expect(page).toHaveURL(new RegExp(`[?&]range=${key}(&|$)`));
      await expect(traffic.rangeButton(label)).toHaveAttribute("aria-current", "true");
    }
    await traffic.rangeButton("1 h").click();
    await expect(page).not.toHaveURL(/[?&]range=/);
    await traffic.expectSettled();
    const last = traffic.panelRequests.at(-1);
    expect(last && new URL(last.url()).searchParams.get("range")).toBe("1h");
  });

  test("an invalid custom range shows its error inline and sends no request", async ({ page }) => {
    const traffic = new TrafficPage(page);
    await page.goto("/traffic?range=6h");
    await traffic.expectSettled();
    const url = page.url();
    const sent = traffic.panelRequests.length;

    await page.getByRole("button", { name: "Custom" }).click();
    const form = page.getByRole("form", { name: "Custom time range" });
    await form.getByLabel("From").fill("2026-06-02T12:00");
    await form.getByLabel("To").fill("2026-06-02T11:00");
    await expect(form.getByText("The end must be after the start.")).toBeVisible();
    await expect(form.getByLabel("To")).toHaveAttribute("aria-invalid", "true");
    await form.getByRole("button", { name: "Apply" }).click();
    await form.getByLabel("To").fill("2026-07-09T12:00");
    await form.getByRole("button", { name: "Apply" }).click();
    await expect(form.getByText("A custom range can span 31 days at most.")).toBeVisible();

    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    expect(traffic.panelRequests.length).toBe(sent);
  });

  test("a bad parameter in the URL is named and nothing is queried", async ({ page }) => {
    const traffic = new TrafficPage(page);
    await page.goto("/traffic?dstPort=99999");
    await expect(page.getByTestId("bad-param")).toHaveAttribute("data-field", "dstPort");
    await expect(page.getByText('The URL parameter "dstPort" is not valid')).toBeVisible();
    await page.goto("/traffic?vpc=vpc-0000000000000000f");
    await expect(page.getByTestId("bad-param")).toHaveAttribute("data-field", "vpc");
    await page.waitForTimeout(300);
    expect(traffic.panelRequests).toHaveLength(0);
  });

  test("opening the same view again within the cache TTL starts no Insights query", async ({ page }) => {
    const traffic = new TrafficPage(page);
    // A past window no other test asks for: the first view must query, the second must not.
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 211 * MINUTE;
    await page.goto("/traffic");
    const vpc = new URL(page.url()).searchParams.get("vpc");
    const url = `/traffic?vpc=${vpc}&range=custom&start=${end - 60 * MINUTE}&end=${end}`;
    const before = await startQueryCount();
    await page.goto(url);
    await traffic.expectLoaded();
    await traffic.expectLoaded(traffic.top);
    const afterFirst = await startQueryCount();
    expect(afterFirst).toBeGreaterThan(before);
    await page.goto(url);
    await traffic.expectLoaded();
    await traffic.expectLoaded(traffic.top);
    await expect(traffic.series.getByTestId("panel-footer")).toContainText(/cache/i);
    expect(await startQueryCount()).toBe(afterFirst);
  });

  test("Cancel stops a running query", async ({ page }) => {
    const traffic = new TrafficPage(page);
    // A window no other test asks for, so the answer cannot come from the cache.
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 137 * MINUTE;
    await page.goto("/traffic");
    const vpc = new URL(page.url()).searchParams.get("vpc");
    const started = page.waitForRequest((r) => r.url().includes("panel=timeseries"));
    await page.goto(`/traffic?vpc=${vpc}&range=custom&start=${end - 60 * MINUTE}&end=${end}`);
    await started;
    await traffic.series.getByRole("button", { name: "Cancel" }).click();

    await expect(traffic.series).toHaveAttribute("data-state", "cancelled");
    await expect(traffic.series.getByTestId("panel-cancelled")).toContainText("Query cancelled");
    await expect
      .poll(
        async () => (await emulatorLogs.send(new DescribeQueriesCommand({}))).queries?.map((q) => q.status),
        {
          timeout: 10_000,
        },
      )
      .toContain("Cancelled");

    await traffic.series.getByRole("button", { name: "Run again" }).click();
    await expect(traffic.series).toHaveAttribute("data-state", /^(result|empty)$/, {
      timeout: PANEL_TIMEOUT,
    });
  });
});
