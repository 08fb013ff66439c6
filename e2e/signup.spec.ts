import { expect, expectAccessible, test, unique } from "./support/fixtures";

test("an employee sign-up with a foreign domain is refused with a message", async ({ page }) => {
  await page.goto("/signup");
  await expectAccessible(page);
  await page.getByLabel("Volledige naam").fill("Piet Buitenstaander");
  await page.getByLabel("E-mailadres op het werk").fill(`${unique("piet")}@gmail.com`);
  await page.getByLabel("Dienst").selectOption({ label: "Sociaal Huis" });
  await page.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByText("Alleen stadsmedewerkers kunnen zich hier inschrijven")).toBeVisible();
  await expect(page.getByLabel("E-mailadres op het werk")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("E-mailadres op het werk")).toHaveValue(/@gmail\.com$/);
  await expectAccessible(page);
});

test("an employee signs up with a city address", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Volledige naam").fill("Mia Stad");
  await page.getByLabel("E-mailadres op het werk").fill(`${unique("mia")}@demo.city`);
  await page.getByLabel("Dienst").selectOption({ label: "Facilitair Bedrijf" });
  await page.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Mia Stad" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Stadsmedewerker");
});
