// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LogFormat strings are written ${field}
import { expect, OPERATOR_STORAGE_STATE, test, VIEWER_STORAGE_STATE } from "./fixtures";
import { FlowLogWizardPage } from "./pages/flow-log-wizard-page";
import { countEvents, flowLogsOn, subnetByName } from "./support/emulator";

const RUN = Date.now().toString(36);
const LOG_GROUP = `/flowscope/e2e/staging-private-a-${RUN}`;
const ROLE = `flowscope-e2e-delivery-${RUN}`;
/** No delivering flow log covers this subnet in the demo world (staging-app-1-all's role is broken). */
const SUBNET = "staging-private-a";
const OTHER_SUBNET = "staging-private-b";

test.describe.configure({ mode: "serial" });

test.describe("flow-log inventory", () => {
  test("decodes formats, shows the broken delivery, the coverage gaps and what a delete loses", async ({
    page,
  }) => {
    await page.goto("/flow-logs");
    const broken = page.getByRole("row", { name: /staging-app-1-all/ });
    await expect(broken.getByTestId("status")).toContainText("delivery FAILED");
    await expect(broken.getByTestId("status")).toContainText("Access error");
    const prod = page.getByRole("row", { name: /prod-vpc-all/ });
    await prod.getByText(/AWS default · v2 · 14 fields/).click();
    await expect(prod.getByTestId("format-fields")).toContainText("interface-id");
    await expect(page.getByRole("row", { name: /prod-bastion-reject/ })).toContainText(/Custom · v5/);
    await expect(page.getByTestId("gaps-Subnet")).toContainText(SUBNET);
    await prod.getByRole("button", { name: /^Delete prod-vpc-all/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Only the flow log's configuration is deleted");
    await expect(dialog).toContainText(
      "Records already delivered stay in CloudWatch Logs /flowscope/demo/prod-vpc",
    );
    await expect(dialog).toContainText("Deleting a VPC, subnet or interface also deletes its flow logs");
    await page.screenshot({ path: "test-results/e2e/flow-logs-delete-dialog.png" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.screenshot({ path: "test-results/e2e/flow-logs-inventory.png", fullPage: true });
  });
});

test.describe("the wizard, as an operator", () => {
  test.use({ storageState: OPERATOR_STORAGE_STATE });

  test("creates a subnet flow log with a custom format and a new role; it is ACTIVE and its records reach the flows page", async ({
    page,
  }) => {
    test.setTimeout(6 * 60_000);
    const wizard = new FlowLogWizardPage(page);
    const { subnetId, vpcId } = await subnetByName(SUBNET);
    await page.goto("/flow-logs");
    await page.getByRole("link", { name: "Create flow log" }).click();

    // 1. Resources
    await wizard.expectStep("resources", "Resources");
    await wizard.nextExpectingClientError("resourceIds", /Resources: pick at least one/);
    await page.getByLabel("Filter resources").fill(SUBNET);
    await page.getByRole("checkbox", { name: `${SUBNET} ${subnetId}` }).check();
    await wizard.next("traffic", "Traffic and interval");

    // 2. Traffic: a tampered interval (sessionStorage) is caught; a reload keeps everything else.
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith("flowscope:flow-log-wizard:")) ?? "";
      sessionStorage.setItem(
        key,
        JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key) ?? "{}"), maxAggregationInterval: 300 }),
      );
    });
    await page.reload();
    await wizard.nextExpectingClientError("maxAggregationInterval", /choose 1 minute or 10 minutes/);
    await expect(page.getByText(/hides rejected traffic/i)).toBeVisible();
    await page.getByRole("radio", { name: /^ALL/ }).check();
    await page.getByRole("radio", { name: /^1 minute/ }).check();
    await wizard.next("destination", "Destination");

    // 3. Destination: a new log group with retention
    await page.getByLabel("New log group name").fill("my flow logs");
    await wizard.nextExpectingClientError("newLogGroup", /letters, digits/);
    await page.getByLabel("New log group name").fill("/flowscope/demo/prod-vpc");
    await wizard.nextExpectingServerError("newLogGroup", /already exists/);
    await page.getByLabel("New log group name").fill(LOG_GROUP);
    await page.getByLabel("Retention").selectOption("7");
    await wizard.next("role", "Delivery role");

    // 4. Delivery role: the demo's broken role is unsuitable; a new one with least privilege
    await page.getByRole("radio", { name: "Use an existing role" }).check();
    await expect(page.getByTestId("role-flowscope-demo-staging-flow-logs")).toContainText(
      "unsuitable: It trusts ec2.amazonaws.com, not vpc-flow-logs.amazonaws.com",
    );
    await page.getByRole("radio", { name: "Create a new role" }).check();
    await expect(page.getByTestId("trust-policy")).toContainText('"Service": "vpc-flow-logs.amazonaws.com"');
    await expect(page.getByTestId("trust-policy")).toContainText('"aws:SourceAccount"');
    await expect(page.getByTestId("permissions-policy")).toContainText(`log-group:${LOG_GROUP}:*`);
    await page.getByLabel("Role name").fill("flow logs role");
    await wizard.nextExpectingClientError("newRoleName", /no spaces/);
    await page.getByLabel("Role name").fill("flowscope-demo-staging-flow-logs");
    await wizard.nextExpectingServerError("newRoleName", /already exists/);
    await page.getByLabel("Role name").fill(ROLE);
    await wizard.next("format", "Record format");

    // 5. Format: custom, troubleshooting preset, reordered, with a live sample
    await page.getByRole("radio", { name: "Custom format" }).check();
    await page.getByRole("button", { name: "Clear" }).click();
    await wizard.nextExpectingClientError("fields", /at least one field/);
    await page.getByRole("button", { name: "Preset: Troubleshooting" }).click();
    await page.getByRole("button", { name: "Move reject-reason up" }).click();
    await expect(page.getByTestId("chosen-fields").locator("li").last()).toContainText("traffic-path");
    await expect(page.getByTestId("sample-record")).toContainText("${reject-reason} ${traffic-path}");
    await expect(page.getByTestId("sample-record")).toContainText(/^\$\{version\}.*\n8 /s);
    await page.screenshot({ path: "test-results/e2e/flow-log-wizard-format.png", fullPage: true });
    await wizard.next("tags", "Tags");

    // 6. Tags
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByLabel("Key").fill("aws:team");
    await wizard.nextExpectingClientError("tags.0.key", /reserved/);
    await page.getByLabel("Key").fill("Name");
    await page.getByLabel("Value").fill(`e2e-${SUBNET}`);
    await wizard.next("review", "Review and create");

    // 7. Review: summary, estimate, the same request as code
    await expect(page.getByTestId("summary")).toContainText(`Subnet: ${subnetId}`);
    await expect(page.getByTestId("estimate")).toContainText(
      /No existing flow log records this scope|From the last 24 hours/,
    );
    await page.getByLabel("Volume in GB per month").fill("10");
    await expect(page.getByTestId("estimate-typed")).toHaveText("$5.00");
    await expect(page.getByTestId("snippet")).toContainText("aws ec2 create-flow-logs");
    await expect(page.getByTestId("snippet")).toContainText(`--resource-ids ${subnetId}`);
    await page.getByRole("tab", { name: "CloudFormation" }).click();
    await expect(page.getByTestId("snippet")).toContainText('"Type": "AWS::EC2::FlowLog"');
    await page.getByRole("tab", { name: "Terraform" }).click();
    await expect(page.getByTestId("snippet")).toContainText('resource "aws_flow_log"');
    await expect(page.getByTestId("snippet")).toContainText("$${reject-reason}");
    await page.screenshot({ path: "test-results/e2e/flow-log-wizard-review.png", fullPage: true });
    await wizard.createButton.click();

    // The inventory shows it ACTIVE and delivering, and the change in the audit
    await expect(page).toHaveURL(/\/flow-logs\?.*created=fl-/);
    const [created] = await flowLogsOn(subnetId);
    expect(created?.LogFormat).toContain("${reject-reason} ${traffic-path}");
    expect(created?.DeliverLogsPermissionArn).toMatch(new RegExp(`:role/${ROLE}$`));
    const row = page.getByTestId(`flow-log-${created?.FlowLogId}`);
    await expect(row.getByTestId("status")).toContainText("ACTIVE");
    await expect(row.getByTestId("status")).toContainText("delivery SUCCESS");
    await expect(row).toContainText(LOG_GROUP);
    await expect(row).toContainText(/Custom · v8 · 23 fields/);
    await expect(page.getByTestId("recent-changes")).toContainText(/otto-operator.*CreateFlowLogs/);
    await expect(page.getByTestId("recent-changes")).toContainText(/CreateRole/);
    await page.screenshot({ path: "test-results/e2e/flow-logs-created.png", fullPage: true });

    // After the (shortened) delivery delay the emulator holds its records (asked cheaply, not by reloading
    // the page), and the flows page shows them.
    await expect
      .poll(() => countEvents(LOG_GROUP), { timeout: 4 * 60_000, intervals: [5_000] })
      .toBeGreaterThan(0);
    await expect(async () => {
      await page.goto(`/flows?vpc=${vpcId}&subnet=${subnetId}&action=ANY&range=15m`);
      await expect(page.getByTestId("flows-panel")).toHaveAttribute("data-state", "result", {
        timeout: 20_000,
      });
      await expect(page.getByTestId("flow-row").first()).toBeVisible();
    }).toPass({ timeout: 60_000, intervals: [5_000] });
    await page.screenshot({ path: "test-results/e2e/flow-logs-records.png", fullPage: true });
  });

  test("per-resource Unsuccessful items and AWS errors land on step 1, and nothing entered is lost", async ({
    page,
  }) => {
    const wizard = new FlowLogWizardPage(page);
    const { subnetId } = await subnetByName(SUBNET);
    const other = await subnetByName(OTHER_SUBNET);
    // The same flow log again on SUBNET (a duplicate) and on OTHER_SUBNET (new), with the existing group and role.
    await page.goto("/flow-logs/new?step=resources");
    await expect(wizard.nextButton).toBeEnabled();
    await page.evaluate(
      ([ids, group, role]) => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith("flowscope:flow-log-wizard:")) ?? "";
        const state = JSON.parse(sessionStorage.getItem(key) ?? "{}");
        sessionStorage.setItem(
          key,
          JSON.stringify({
            ...state,
            resourceType: "Subnet",
            resourceIds: (ids ?? "").split(","),
            trafficType: "ALL",
            maxAggregationInterval: 60,
            logGroupMode: "existing",
            existingLogGroup: group,
            roleMode: "existing",
            existingRoleArn: `arn:aws:iam::123456789012:role/${role}`,
            formatMode: "default",
          }),
        );
      },
      [`${subnetId},${other.subnetId}`, LOG_GROUP, ROLE],
    );
    await page.goto("/flow-logs/new?step=review");
    await wizard.createButton.click();
    await wizard.expectStep("resources", "Resources");
    await expect(wizard.error("resources")).toContainText(
      /Created fl-[0-9a-f]+ for the other resources\. 1 failed/,
    );
    await expect(wizard.error(`resource.${subnetId}`)).toContainText("FlowLogAlreadyExists");
    await expect(page.getByTestId(`selected-${other.subnetId}`)).toHaveCount(0);
    expect(await flowLogsOn(other.subnetId)).toHaveLength(1);
    await page.screenshot({ path: "test-results/e2e/flow-log-wizard-unsuccessful.png", fullPage: true });
    // Only the duplicate is left: AWS refuses the whole request, and the message stays on step 1.
    await page.goto("/flow-logs/new?step=review");
    await expect(page.getByTestId("summary")).toContainText(`Subnet: ${subnetId}`);
    await wizard.createButton.click();
    await wizard.expectStep("resources", "Resources");
    await expect(wizard.error("resourceIds")).toContainText("FlowLogAlreadyExists");
    await expect(page.getByRole("checkbox", { name: `${SUBNET} ${subnetId}` })).toBeChecked();
    await page.screenshot({ path: "test-results/e2e/flow-log-wizard-error.png", fullPage: true });
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: VIEWER_STORAGE_STATE });

  test("sees the inventory read-only and cannot create or delete, in the UI or the API", async ({ page }) => {
    await page.goto("/flow-logs");
    await expect(page.getByTestId("read-only")).toContainText("needs the operator role");
    await expect(page.getByRole("link", { name: "Create flow log" })).toHaveCount(0);
    await expect(
      page.getByRole("row", { name: /prod-vpc-all/ }).getByRole("button", { name: /Delete/ }),
    ).toBeDisabled();
    await page.goto("/flow-logs/new?step=resources");
    await expect(page.getByText("You can't create flow logs")).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/e2e/flow-log-wizard-viewer.png" });
    const origin = new URL(page.url()).origin;
    const headers = { "content-type": "application/json", origin };
    const create = await page.request.post("/api/flow-logs", { headers, data: { state: {} } });
    expect(create.status()).toBe(403);
    const validate = await page.request.post("/api/flow-logs/validate", {
      headers,
      data: { step: "resources", state: {} },
    });
    expect(validate.status()).toBe(403);
    const { subnetId } = await subnetByName("staging-public-a");
    const before = await flowLogsOn(subnetId);
    const del = await page.request.delete(`/api/flow-logs/${before[0]?.FlowLogId}`, { headers });
    expect(del.status()).toBe(403);
    expect(await flowLogsOn(subnetId)).toHaveLength(before.length);
  });
});

test.describe("deleting, as an operator", () => {
  test.use({ storageState: OPERATOR_STORAGE_STATE });

  test("the flow logs the wizard created are deleted after a confirmation; their records stay", async ({
    page,
  }) => {
    for (const name of [SUBNET, OTHER_SUBNET]) {
      const { subnetId } = await subnetByName(name);
      const [created] = await flowLogsOn(subnetId);
      const id = created?.FlowLogId ?? "";
      await page.goto("/flow-logs");
      const row = page.getByTestId(`flow-log-${id}`);
      await row.getByRole("button", { name: /^Delete/ }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog).toContainText(`Records already delivered stay in CloudWatch Logs ${LOG_GROUP}`);
      await dialog.getByRole("button", { name: "Delete flow log" }).click();
      await expect(row).toHaveCount(0);
      expect(await flowLogsOn(subnetId)).toEqual([]);
      await expect(page.getByTestId("recent-changes")).toContainText(new RegExp(`DeleteFlowLogs\\s*${id}`));
    }
  });
});
