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
});
