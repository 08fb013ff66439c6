import { demoUsers, expect, test } from "./support/fixtures";

test.use({ javaScriptEnabled: false });

test("signing in works without JavaScript", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(demoUsers.school);
  await page.getByLabel("Wachtwoord").fill("wrong password");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
  await expect(page.getByLabel("E-mailadres")).toHaveValue(demoUsers.school);

  await page.getByLabel("Wachtwoord").fill("circuit-demo");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Lotte Janssens" })).toBeVisible();
});

test("the language switcher works without JavaScript", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "City devices, a second life" })).toBeVisible();
});
