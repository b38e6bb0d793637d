import { expect, type Locator, type Page, type Request } from "@playwright/test";
import { PANEL_TIMEOUT } from "./traffic-page";

/** The flows page: its records panel, filter form, and the records requests it sends. */
export class FlowsPage {
  readonly panel: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly form: Locator;
  readonly recordRequests: Request[] = [];

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("flows-panel");
    this.rows = page.getByTestId("flow-row");
    this.count = page.getByTestId("flow-count");
    this.form = page.getByRole("form", { name: "Flow filters" });
    page.on("request", (req) => {
      if (new URL(req.url()).pathname === "/api/flows/records") this.recordRequests.push(req);
    });
  }

  async expectSettled(): Promise<void> {
    await expect(this.panel).toHaveAttribute("data-state", /^(result|empty)$/, { timeout: PANEL_TIMEOUT });
  }

  /** The data-flow keys of the table's rows, sorted. */
  async flowKeys(): Promise<string[]> {
    const keys = await this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-flow") ?? ""));
    return keys.sort();
  }
}
