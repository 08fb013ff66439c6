// /users: the coordinator sees every account and deactivates one (someone left): that person's open
// session ends at once, their API token answers 401, and signing in says the account is deactivated
// (only after the right password). Reactivating lets them sign in again. Axe at 390 and 1280 px, nl and en.
import { bearer } from "./support/api";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { createAccount } from "./support/accounts";

test("deactivate ends the session and the token and refuses sign-in; reactivate lets the person back in", async ({ page, browser, request }) => {
  const coordinator = await createAccount("coordinator");
  const leaving = await createAccount("department");
  const token = await bearer(request, leaving.email);
  expect((await request.get("/api/v1/me", { headers: token })).status()).toBe(200);

  const leavingContext = await browser.newContext({ locale: "nl-BE" });
  const leavingPage = await leavingContext.newPage();
  await signIn(leavingPage, leaving);
  await leavingPage.goto("/profile");
  await expect(leavingPage.getByRole("heading", { level: 1, name: "Profiel" })).toBeVisible();

  await signIn(page, coordinator);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Gebruikers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gebruikers" })).toBeVisible();
  await page.getByLabel("Naam of e-mailadres").fill(leaving.email);
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "1 gebruiker" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: leaving.email });
  await expect(item).toContainText("Medewerker dienst");
  await expect(item).toContainText(leaving.organization.name);
  await expect(item).toContainText(/Laatst aangemeld op/);
  await expectAccessible(page);

  await item.getByText(`${leaving.name} deactiveren…`).click();
  await item.getByLabel("Reden (niet verplicht, voor de andere coördinatoren)").fill("Werkt niet meer bij de stad");
  await expectAccessible(page);
  await item.getByRole("button", { name: `${leaving.name} deactiveren` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${leaving.name} is gedeactiveerd` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: leaving.email })).toContainText(`door ${coordinator.name}`);

  // The open session is gone: the next page asks to sign in again.
  await leavingPage.goto("/profile");
  await expect(leavingPage).toHaveURL(/\/login\?redirectTo=%2Fprofile/);
  expect((await request.get("/api/v1/me", { headers: token })).status()).toBe(401);
  // A wrong password hears the usual answer; the right one that the account is deactivated.
  await leavingPage.getByLabel("E-mailadres").fill(leaving.email);
  await leavingPage.getByLabel("Wachtwoord").fill("not-the-password");
  await leavingPage.getByRole("button", { name: "Aanmelden" }).click();
  await expect(leavingPage.getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.", { timeout: 20_000 });
  await expect(leavingPage.getByText(/gedeactiveerd/)).toHaveCount(0);
  await leavingPage.getByLabel("Wachtwoord").fill(leaving.password);
  await leavingPage.getByRole("button", { name: "Aanmelden" }).click();
  // Signing in hashes the password (argon2id): seconds on a busy machine.
  await expect(leavingPage.getByText("Dit account is gedeactiveerd.", { exact: false })).toBeVisible({ timeout: 20_000 });
  await expect(leavingPage).toHaveURL(/\/login/);
  const apiSignIn = await request.post("/api/v1/tokens", { data: { email: leaving.email, password: leaving.password } });
  expect(apiSignIn.status()).toBe(401);

  await page
    .getByRole("listitem")
    .filter({ hasText: leaving.email })
    .getByRole("button", { name: `${leaving.name} opnieuw activeren` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `${leaving.name} kan zich opnieuw aanmelden` })).toBeVisible();
  // Back in with the same password (signIn expects the sign-in's redirect), and the profile opens.
  await signIn(leavingPage, leaving);
  await leavingPage.goto("/profile");
  await expect(leavingPage.getByRole("heading", { level: 1, name: "Profiel" })).toBeVisible();
  // The old token stays revoked.
  expect((await request.get("/api/v1/me", { headers: token })).status()).toBe(401);
  await leavingContext.close();
});

test("the coordinator's own account has no deactivate button; others filter by role and status", async ({ page }) => {
  const coordinator = await createAccount("coordinator");
  await signIn(page, coordinator);
  await page.goto(`/users?q=${encodeURIComponent(coordinator.email)}`);
  const own = page.getByRole("listitem").filter({ hasText: coordinator.email });
  await expect(own).toContainText("(u)");
  await expect(own.getByText(/deactiveren/)).toHaveCount(0);
  await page.goto("/users");
  await page.getByLabel("Rol").selectOption({ label: "Technicus" });
  await page.getByLabel("Status").selectOption({ label: "Actief" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/role=technician/);
  await expect(page.getByRole("listitem").filter({ hasText: "tech1@demo.city" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "department@demo.city" })).toHaveCount(0);
});

test("/users is the coordinator's only", async ({ page }) => {
  const technician = await createAccount("technician");
  await signIn(page, technician);
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
});

for (const [locale, heading] of [
  ["nl-BE", "Gebruikers"],
  ["en-GB", "Users"],
] as const) {
  test.describe(`axe in ${locale}`, () => {
    test.use({ locale });
    test(`/users passes axe at 390 and 1280 px (${locale})`, async ({ page }) => {
      await signIn(page, await createAccount("coordinator"));
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/users");
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectAccessible(page);
      }
    });
  });
}
