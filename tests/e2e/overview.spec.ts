import { expect, test } from "./fixtures";

test.describe("overview on the demo world", () => {
  test("shows the data source, the VPCs and their flow-log coverage", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("data-source")).toContainText("Demo world (local emulator)");
    await expect(page.getByTestId("data-source")).toContainText("account 123456789012");

    const prod = page.locator('[data-testid^="vpc-row-"]', { hasText: "prod" });
    const staging = page.locator('[data-testid^="vpc-row-"]', { hasText: "staging" });
    await expect(prod).toContainText("10.0.0.0/16");
    await expect(staging).toContainText("10.1.0.0/16");
    // prod has a VPC-level ALL flow log; staging only a REJECT log on one subnet.
    await expect(prod.getByText("ALL", { exact: true })).toBeVisible();
    await expect(prod).toContainText("9 / 9");
    await expect(staging.getByText("No flow log")).toBeVisible();
    await expect(staging).toContainText("1 / 4");

    const stagingDetail = page.locator('[data-testid^="vpc-detail-"]', { hasText: "staging" });
    const rejectSubnet = stagingDetail.locator("details", { hasText: "staging-public-a" });
    await expect(rejectSubnet.getByText("REJECT only").first()).toBeVisible();
    await rejectSubnet.locator("summary").click();
    await expect(rejectSubnet.getByText("staging-web-1")).toBeVisible();
    await expect(page.getByText(/subnets? without any flow log/)).toBeVisible();
    await page.screenshot({ path: "test-results/e2e/overview.png", fullPage: true });
  });

  test("the region is in the URL and the switcher changes it", async ({ page }) => {
    await page.goto("/?region=us-east-1");
    await expect(page.locator('[data-testid^="vpc-row-"]')).toHaveCount(2);
    await page.getByLabel("Region").selectOption("eu-west-1");
    await expect(page).toHaveURL(/region=eu-west-1/);
    await expect(page.getByText("No VPCs in eu-west-1")).toBeVisible();
    await page.getByRole("link", { name: "Flow logs" }).click();
    await expect(page).toHaveURL(/\/flow-logs\?region=eu-west-1/);
    await expect(page.getByText("No flow logs in eu-west-1")).toBeVisible();
  });

  test("a malformed region says what is wrong", async ({ page }) => {
    await page.goto("/?region=not%20a%20region");
    await expect(page.getByText("Bad region in the URL")).toBeVisible();
    const res = await page.request.get("/api/overview?region=../../etc");
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ field: "region" });
  });

  test("the API returns the same coverage as the page", async ({ page }) => {
    const res = await page.request.get("/api/overview?region=us-east-1");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { vpcs: { name?: string; traffic: string }[] };
    expect(body.vpcs.map((v) => [v.name, v.traffic]).sort()).toEqual([
      ["prod", "ALL"],
      ["staging", "NONE"],
    ]);
  });

  test("the flow-log inventory lists the demo's flow logs", async ({ page }) => {
    await page.goto("/flow-logs");
    await expect(page.locator('[data-testid^="flow-log-"]')).toHaveCount(4);
    await expect(page.getByText("/flowscope/demo/prod-vpc")).toBeVisible();
    // Planted fault (f): a flow log whose delivery role does not trust vpc-flow-logs.amazonaws.com.
    const broken = page.locator('[data-testid^="flow-log-"]', { hasText: "/flowscope/demo/staging-app-1" });
    await expect(broken).toContainText("delivery FAILED");
    await expect(broken).toContainText("Access error");
  });

  test("the navigation reaches every section", async ({ page }) => {
    await page.goto("/");
    for (const name of ["Traffic", "Flows", "Diagnose", "Flow logs", "Overview"]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    }
  });

  test("signing out ends the session", async ({ page, context }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    await context.clearCookies();
  });
});
