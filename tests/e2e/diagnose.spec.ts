import { expect, test } from "./fixtures";

const MINUTE = 60_000;

test.describe("diagnose on the demo world", () => {
  test("fault (b): the reports DB's replies are denied, the outbound * rule highlighted in its ACL", async ({
    page,
  }) => {
    const end = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE);
    const start = new Date(end.getTime() - 60 * MINUTE);
    await page.goto("/diagnose");
    await page.getByLabel(/^From/).fill("prod-app-1");
    await page.getByLabel(/^To/).fill("prod-reports-db");
    await page.getByLabel("Protocol").selectOption("tcp");
    await page.getByLabel(/^Port/).fill("5432");
    await page.getByLabel(/^Evidence from/).fill(start.toISOString());
    await page.getByLabel(/^Evidence to/).fill(end.toISOString());
    await page.getByRole("button", { name: "Diagnose" }).click();

    await expect(page).toHaveURL(/from=prod-app-1&to=prod-reports-db&protocol=tcp&port=5432/);
    await expect(page.getByTestId("verdict")).toHaveText("blocked");
    const explanation = page.getByTestId("explanation").first();
    await expect(explanation).toContainText("SUBNET_ACL_RESTRICTION");
    await expect(explanation.getByTestId("rule-table")).toContainText("outbound rules");
    const blocking = explanation.getByTestId("blocking-rule");
    await expect(blocking).toHaveCount(1);
    await expect(blocking).toContainText("*");
    await expect(blocking).toContainText("deny");
    await expect(explanation.getByTestId("aws-cli")).toContainText("create-network-acl-entry");
    await expect(explanation.getByTestId("aws-cli")).toContainText("--egress");
    await expect(page.locator('[data-testid="hop"][data-result="block"]')).toHaveCount(1);
    await expect(page.getByTestId("evidence")).toContainText("ACCEPTED_REPLY_REJECTED");
    await page.screenshot({ path: "test-results/e2e/diagnose.png", fullPage: true });
  });

  test("fault (a) from a flow-explorer link: ALB → prod-app-1 on 8081 is blocked by app-sg's inbound rules", async ({
    page,
  }) => {
    // The IPs come from the form's pickers, so the test follows the demo world instead of pinning it.
    await page.goto("/diagnose");
    const options = await page
      .locator("#diagnose-ends option")
      .evaluateAll((els) => els.map((el) => el.textContent ?? ""));
    const ipOf = (pattern: RegExp) =>
      options.find((o) => pattern.test(o))?.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
    const albIp = ipOf(/^ELB app\/prod-alb\//);
    const appIp = ipOf(/^prod-app-1 · instance · /);
    expect(albIp).toBeTruthy();
    expect(appIp).toBeTruthy();

    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE;
    const start = end - 60 * MINUTE;
    await page.goto(
      `/diagnose?from=${albIp}&to=${appIp}&protocol=tcp&port=8081&start=${start}&end=${end}&region=us-east-1`,
    );
    await expect(page.getByLabel(/^From/)).toHaveValue(albIp ?? "");
    await expect(page.getByLabel(/^Port/)).toHaveValue("8081");
    await expect(page.getByTestId("verdict")).toHaveText("blocked");
    const explanation = page.getByTestId("explanation").first();
    await expect(explanation).toContainText("ENI_SG_RULES_MISMATCH");
    const table = explanation.getByTestId("rule-table");
    await expect(table).toContainText("app-sg");
    await expect(table).toContainText("inbound rules");
    await expect(explanation.getByTestId("blocking-rule")).toHaveCount(1);
    await expect(page.getByTestId("evidence")).toContainText("REJECTED");
    await expect(page.getByTestId("evidence-chart")).toBeVisible();
  });
});
