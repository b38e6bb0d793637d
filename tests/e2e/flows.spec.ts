import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { FlowsPage } from "./pages/flows-page";
import { emulatorStats, flowLogRecords, instanceInterfaces } from "./support/emulator";

const MINUTE = 60_000;

/** An hour that ended long enough ago for every record to be delivered. */
function pastHour() {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE;
  return { start: end - 60 * MINUTE, end };
}

/** The data-flow key (lib/flows/flow-row.ts flowKey) of each CSV line, sorted. */
function csvKeys(csv: string): string[] {
  const [header = "", ...lines] = csv.trim().split("\n");
  const columns = header.split(",");
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? "";
  return lines
    .map((line) => line.split(","))
    .map((c) =>
      [
        at(c, "start"),
        at(c, "srcAddr"),
        at(c, "srcPort"),
        at(c, "dstAddr"),
        at(c, "dstPort"),
        at(c, "protocol"),
      ].join("|"),
    )
    .sort();
}

test.describe("flows on the demo world", () => {
  test("the Flows entry opens the last hour's rejected flows of the first VPC", async ({ page }) => {
    const flows = new FlowsPage(page);
    await page.goto("/flows");
    await expect(page).toHaveURL(/\/flows\?.*vpc=vpc-[0-9a-f]+/);
    await flows.expectSettled();
    const request = flows.recordRequests.at(-1);
    expect(request && new URL(request.url()).searchParams.get("action")).toBe("REJECT");
    expect(request && new URL(request.url()).searchParams.get("range")).toBe("1h");
    // A capped table says so and offers the older part of the window; never a silent cut.
    if ((await flows.count.getAttribute("data-value")) === "1000") {
      await expect(page.getByTestId("flows-capped")).toBeVisible();
      await expect(page.getByTestId("flows-older")).toHaveAttribute("href", /range=custom&start=\d+&end=\d+/);
    }
    await page.screenshot({ path: "test-results/e2e/flows.png" });
  });

  test("REJECT on destination port 22 shows only those records, as many as the emulator holds", async ({
    page,
    context,
  }) => {
    const flows = new FlowsPage(page);
    const { start, end } = pastHour();
    await page.goto("/flows");
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    await page.goto(`/flows?vpc=${vpc}&range=custom&start=${start}&end=${end}`);
    await flows.expectSettled();
    await flows.form.getByLabel("Destination port").fill("22");
    await flows.form.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]dstPort=22(&|$)/);
    await expect(flows.panel).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    await expect(flows.panel.getByTestId("flows-capped")).toHaveCount(0);

    const records = await flowLogRecords(vpc, start, end);
    const counted = records.filter(
      (r) => r.action === "REJECT" && r.dstport === 22 && (r["log-status"] ?? "OK") === "OK",
    ).length;
    expect(counted).toBeGreaterThan(0);
    await expect(flows.count).toHaveAttribute("data-value", String(counted));
    await expect(flows.rows).toHaveCount(counted);
    for (const attr of await flows.rows.evaluateAll((rows) =>
      rows.map((r) => `${r.getAttribute("data-action")} ${r.getAttribute("data-dst-port")}`),
    ))
      expect(attr).toBe("REJECT 22");
    const shown = await flows.flowKeys();

    // The URL alone reproduces the view.
    const again = new FlowsPage(await context.newPage());
    await again.page.goto(page.url());
    await expect(again.panel).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    expect(await again.flowKeys()).toEqual(shown);
    await expect(again.form.getByLabel("Destination port")).toHaveValue("22");

    // The export holds the table's rows.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    const csv = await readFile((await download.path()) ?? "", "utf8");
    expect(csvKeys(csv)).toEqual(shown);
    expect(download.suggestedFilename()).toMatch(/^flows-.*\.csv$/);
    const jsonHref = (await page.getByTestId("export-json").getAttribute("href")) ?? "";
    const json = (await (await page.request.get(jsonHref)).json()) as { capped: boolean; rows: unknown[] };
    expect(json.capped).toBe(false);
    expect(json.rows).toHaveLength(counted);

    await flows.rows.first().getByRole("button", { name: "Show details" }).click();
    const detail = page.getByTestId("flow-detail");
    await expect(detail).toContainText("Log stream");
    await detail.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/e2e/flows-detail.png" });
    const diagnose = detail.getByRole("link", { name: "Diagnose this flow" });
    await expect(diagnose).toHaveAttribute(
      "href",
      /^\/diagnose\?from=.+&to=.+&protocol=tcp&port=22&start=\d+&end=\d+&region=/,
    );
  });

  test("a bad CIDR is named inline and starts no query", async ({ page }) => {
    const flows = new FlowsPage(page);
    await page.goto("/flows");
    await flows.expectSettled();
    const url = page.url();
    const sent = flows.recordRequests.length;
    const before = (await emulatorStats())["logs:StartQuery"] ?? 0;

    await flows.form.getByLabel("Source", { exact: true }).fill("10.0.0.0/99");
    await flows.form.getByRole("button", { name: "Apply" }).click();
    const error = flows.form.getByRole("alert");
    await expect(error).toContainText("Source must be an IP address or CIDR block");
    await expect(error).toHaveAttribute("data-field", "src");
    await expect(flows.form.getByLabel("Source", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.waitForTimeout(1000);
    expect(page.url()).toBe(url);
    expect(flows.recordRequests.length).toBe(sent);
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);

    // The API itself refuses it too, naming the field.
    const vpc = new URL(url).searchParams.get("vpc") ?? "";
    const res = await page.request.get(`/api/flows/records?vpc=${vpc}&src=10.0.0.0/99`);
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", field: "src" });
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);
  });

  test("an expert filter narrows the table; a malformed one is named inline and starts no query", async ({
    page,
  }) => {
    const flows = new FlowsPage(page);
    const { start, end } = pastHour();
    await page.goto("/flows");
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    await page.goto(`/flows?vpc=${vpc}&range=custom&start=${start}&end=${end}`);
    await flows.expectSettled();
    const expert = flows.form.getByRole("textbox", { name: /Expert filter/ });
    await expert.fill("dstPort = 22 or dstPort = 3389");
    await flows.form.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=dstPort/);
    await expect(flows.panel).toHaveAttribute("data-state", /^(result|empty)$/, { timeout: 30_000 });
    const records = await flowLogRecords(vpc, start, end);
    const counted = records.filter(
      (r) =>
        r.action === "REJECT" &&
        (r.dstport === 22 || r.dstport === 3389) &&
        (r["log-status"] ?? "OK") === "OK",
    ).length;
    expect(counted).toBeGreaterThan(0);
    await expect(flows.count).toHaveAttribute("data-value", String(counted));
    for (const port of await flows.rows.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute("data-dst-port")),
    ))
      expect(["22", "3389"]).toContain(port);

    const url = page.url();
    const sent = flows.recordRequests.length;
    const before = (await emulatorStats())["logs:StartQuery"] ?? 0;
    await expert.fill("dstPort = 22) or (1 = 1");
    await flows.form.getByRole("button", { name: "Apply" }).click();
    const error = flows.form.getByRole("alert");
    await expect(error).toHaveAttribute("data-field", "q");
    await expect(error).toContainText("at character 13: unbalanced `)`");
    await expect(expert).toHaveAttribute("aria-invalid", "true");
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(url);
    expect(flows.recordRequests.length).toBe(sent);
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);

    const res = await page.request.get(
      `/api/flows/records?vpc=${vpc}&q=${encodeURIComponent("1 = 1 | limit 1")}`,
    );
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", field: "q" });
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);
  });

  test("an instance filter shows only its interfaces' records", async ({ page }) => {
    const flows = new FlowsPage(page);
    const { start, end } = pastHour();
    await page.goto("/flows");
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    const records = (await flowLogRecords(vpc, start, end)).filter(
      (r) => r.action === "REJECT" && (r["log-status"] ?? "OK") === "OK",
    );
    const count = (enis: readonly string[]) =>
      records.filter((r) => enis.includes(String(r["interface-id"]))).length;
    const [instanceId, enis = []] =
      [...(await instanceInterfaces(vpc))].find(([, ids]) => count(ids) > 0 && count(ids) < 1000) ?? [];
    expect(instanceId).toBeDefined();
    await page.goto(`/flows?vpc=${vpc}&range=custom&start=${start}&end=${end}&instance=${instanceId}`);
    await expect(flows.panel).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    await expect(flows.count).toHaveAttribute("data-value", String(count(enis)));
  });

  test("an unknown instance is named beside its field and queries no logs", async ({ page }) => {
    const flows = new FlowsPage(page);
    await page.goto("/flows");
    await flows.expectSettled();
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    const before = (await emulatorStats())["logs:StartQuery"] ?? 0;
    await flows.form.getByLabel("Instance", { exact: true }).fill("no-such-host");
    await flows.form.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]instance=no-such-host(&|$)/);
    const field = flows.form.getByLabel("Instance", { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(flows.form.getByRole("alert")).toContainText(`No instance no-such-host in ${vpc}`);
    await expect(flows.panel).toHaveCount(0);
    expect((await emulatorStats())["logs:StartQuery"] ?? 0).toBe(before);
  });

  test("group by destination port drills into the table", async ({ page }) => {
    await page.goto("/flows?view=group&group=dstPorts");
    const groups = page.getByTestId("groups-panel");
    await expect(groups).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    await page.screenshot({ path: "test-results/e2e/flows-groups.png" });
    const first = groups.getByTestId("group-row").first().getByRole("link");
    const port = (await first.textContent()) ?? "";
    await first.click();
    await expect(page).toHaveURL(new RegExp(`[?&]dstPort=${port}(&|$)`));
    await expect(page).not.toHaveURL(/view=group/);
  });

  test("group by interface keeps a port-range filter and drills into that interface", async ({ page }) => {
    await page.goto("/flows?view=group&group=interfaces&dstPort=0-1024");
    const groups = page.getByTestId("groups-panel");
    await expect(groups).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    await expect(groups).toContainText("by rejected flows");
    const first = groups.getByTestId("group-row").first().getByRole("link");
    const eni = (await first.textContent()) ?? "";
    expect(eni).toMatch(/^eni-/);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`[?&]eni=${eni}(&|$)`));
    await expect(page).toHaveURL(/[?&]dstPort=0-1024(&|$)/);
  });

  test("row detail finds the reply direction in the logs", async ({ page }) => {
    const flows = new FlowsPage(page);
    const { start, end } = pastHour();
    await page.goto("/flows");
    const vpc = new URL(page.url()).searchParams.get("vpc") ?? "";
    await page.goto(`/flows?vpc=${vpc}&range=custom&start=${start}&end=${end}&action=ACCEPT&dstPort=5432`);
    await expect(flows.panel).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    await flows.rows.first().getByRole("button", { name: "Show details" }).click();
    await page.getByTestId("reply-search").click();
    const replies = page.getByTestId("reply-panel");
    await expect(replies).toHaveAttribute("data-state", "result", { timeout: 30_000 });
    const texts = await replies.getByTestId("reply-row").allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/:5432 (\(postgresql\) )?→ \S+:\d+ TCP ACCEPT/);
  });
});
