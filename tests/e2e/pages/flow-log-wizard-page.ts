import { expect, type Locator, type Page, type Request } from "@playwright/test";

/** The flow-log wizard at /flow-logs/new: its step, buttons, the message beside each field, and its requests. */
export class FlowLogWizardPage {
  readonly nextButton: Locator;
  readonly createButton: Locator;
  readonly validateRequests: Request[] = [];
  readonly createRequests: Request[] = [];

  constructor(readonly page: Page) {
    this.nextButton = page.getByRole("button", { name: "Next" });
    this.createButton = page.getByRole("button", { name: "Create flow log" });
    page.on("request", (req) => {
      const path = new URL(req.url()).pathname;
      if (path === "/api/flow-logs/validate") this.validateRequests.push(req);
      if (path === "/api/flow-logs" && req.method() === "POST") this.createRequests.push(req);
    });
  }

  /** The message shown beside a field (data-field is the wizard state's key). */
  error(field: string): Locator {
    return this.page.locator(`[role="alert"][data-field="${field}"]`);
  }

  async expectStep(step: string, title: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`[?&]step=${step}(&|$)`));
    await expect(this.page.getByRole("heading", { name: new RegExp(`: ${title}$`) })).toBeVisible();
  }

  /** Next, expecting a message beside `field` and no request to the server (the client's schema caught it). */
  async nextExpectingClientError(field: string, message: RegExp): Promise<void> {
    const sent = this.validateRequests.length;
    await this.nextButton.click();
    await expect(this.error(field)).toContainText(message);
    expect(this.validateRequests.length).toBe(sent);
  }

  /** Next, expecting the server to refuse with a message beside `field`. */
  async nextExpectingServerError(field: string, message: RegExp): Promise<void> {
    const answer = this.page.waitForResponse((r) => new URL(r.url()).pathname === "/api/flow-logs/validate");
    await this.nextButton.click();
    expect((await answer).status()).toBe(400);
    await expect(this.error(field)).toContainText(message);
  }

  async next(step: string, title: string): Promise<void> {
    await this.nextButton.click();
    await this.expectStep(step, title);
  }
}
