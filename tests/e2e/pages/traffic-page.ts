import { expect, type Locator, type Page, type Request } from "@playwright/test";

/** Long enough for a cold Insights query on the emulator, and for the first compile of a route in dev. */
export const PANEL_TIMEOUT = 30_000;

/** The traffic page: its panels, its controls, and the panel requests it sends. */
export class TrafficPage {
  readonly series: Locator;
  readonly top: Locator;
  readonly rejectedTotal: Locator;
  readonly chips: Locator;
  readonly panelRequests: Request[] = [];

  constructor(readonly page: Page) {
    this.series = page.getByTestId("series-panel");
    this.top = page.getByTestId("top-panel");
    this.rejectedTotal = page.getByTestId("rejected-total");
    this.chips = page.getByTestId("filter-chips");
    page.on("request", (req) => {
      if (new URL(req.url()).pathname === "/api/traffic/panel") this.panelRequests.push(req);
    });
  }

  rangeButton(label: string): Locator {
    return this.page
      .getByRole("group", { name: "Time range" })
      .getByRole("link", { name: label, exact: true });
  }

  async expectLoaded(panel: Locator = this.series): Promise<void> {
    await expect(panel).toHaveAttribute("data-state", "result", { timeout: PANEL_TIMEOUT });
  }

  /** Resolves once both panels have answered, so a test's next step starts from a settled page. */
  async expectSettled(): Promise<void> {
    for (const panel of [this.series, this.top])
      await expect(panel).toHaveAttribute("data-state", /^(result|empty)$/, { timeout: PANEL_TIMEOUT });
  }
}
