import { expect, expectAccessible, test } from "./support/fixtures";

test.describe("the public home page", () => {
  test("speaks Dutch by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1, name: "Toestellen van de stad, een tweede leven" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Aanmelden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Toegankelijkheidsverklaring" })).toBeVisible();
    await expectAccessible(page);
  });

  test.describe("with an English browser", () => {
    test.use({ locale: "en-GB" });
    test("speaks English", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1, name: "City devices, a second life" })).toBeVisible();
      await expectAccessible(page);
    });
  });

  test("answers with security headers", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  test("refuses a POST from another site", async ({ request }) => {
    const response = await request.post("/login", {
      form: { email: "coordinator@demo.city", password: "circuit-demo" },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });

  test("shows a 404 page for an unknown address", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
    await expectAccessible(page);
  });

  test("publishes an accessibility statement linked from the footer", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Toegankelijkheidsverklaring" }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Nalevingsstatus" })).toBeVisible();
    await expectAccessible(page);
  });
});
