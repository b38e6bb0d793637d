import { E2E_ADMIN, E2E_VIEWER, expect, test, VIEWER_STORAGE_STATE } from "./fixtures";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an anonymous visit to a page lands on sign-in and comes back after it", async ({
    page,
    signInPage,
  }) => {
    await page.goto("/flow-logs?region=us-east-1");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fflow-logs%3Fregion%3Dus-east-1/);
    await expect(page.getByRole("heading", { name: "Flowscope" })).toBeVisible();
    await signInPage.signIn(E2E_ADMIN.username, E2E_ADMIN.password);
    await expect(page).toHaveURL(/\/flow-logs\?region=us-east-1$/);
    await expect(page.getByRole("heading", { name: "Flow logs" })).toBeVisible();
  });

  test("an anonymous API call gets 401 JSON", async ({ request }) => {
    const res = await request.get("/api/overview", { maxRedirects: 0 });
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  });

  test("a wrong password shows an inline error and stays on sign-in", async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(E2E_ADMIN.username, "not-the-password");
    await expect(signInPage.error).toHaveText("Wrong username or password.");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an empty password is refused before Auth.js is asked", async ({ signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn(E2E_ADMIN.username, "");
    await expect(signInPage.error).toHaveText("Password is required.");
  });

  test("a callbackUrl to another site is not followed", async ({ page, signInPage }) => {
    await signInPage.goto("https://evil.example/");
    await signInPage.signIn(E2E_ADMIN.username, E2E_ADMIN.password);
    await expect(page).toHaveURL(/localhost:\d+\/$/);
  });
});

test.describe("local accounts with lesser roles", () => {
  test.use({ storageState: VIEWER_STORAGE_STATE });

  test("a viewer account signs in and the header shows its role", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("user")).toContainText(`${E2E_VIEWER.username} (viewer)`);
  });
});
