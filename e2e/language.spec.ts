import { demoUsers, expect, expectAccessible, signIn, test } from "./support/fixtures";

test("the language switcher changes the language and remembers it", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);

  await page.goto("/accessibility");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
});

test.describe("a signed-in user in English", () => {
  test.use({ locale: "en-GB" });
  test("sees the role home and dates in English", async ({ page }) => {
    await signIn(page, demoUsers.coordinator);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Sara Declercq" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveText([
      "Home",
      "Devices",
      "On offer",
      "Requests",
      "Matching",
      "Organizations",
      "Recyclers",
      "Impact",
      "Invites",
      "Users",
      "Mailbox",
      "Profile",
    ]);
    await expectAccessible(page);
    await page.goto("/organizations");
    await expect(page.getByText(/registered \d{1,2} [A-Z][a-z]+ \d{4}/).first()).toBeVisible();
    await expectAccessible(page);
  });
});
