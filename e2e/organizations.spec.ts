import { demoUsers, expect, expectAccessible, signIn, test, unique } from "./support/fixtures";

test("a school registers itself and a coordinator approves it", async ({ page, browser, newAccount }) => {
  const schoolName = unique("Basisschool Het Anker");
  const email = `${unique("directie")}@anker.example`;

  await page.goto("/register");
  await expectAccessible(page);
  await page.getByLabel("Naam van de organisatie").fill(schoolName);
  await page.getByLabel("Soort organisatie").selectOption({ label: "School" });
  await page.getByLabel("Over uw organisatie").fill("Lagere school met 180 leerlingen.");
  await page.getByLabel("Volledige naam").fill("An Verbeke");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
  await page.getByRole("button", { name: "Registreren" }).click();

  await expect(page.getByText("Uw organisatie is geregistreerd.")).toBeVisible();
  await expect(page.getByText(`${schoolName} wacht op goedkeuring`)).toBeVisible();
  await expectAccessible(page);

  const coordinatorContext = await browser.newContext({ locale: "nl-BE" });
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, await newAccount("coordinator"));
  await coordinator.goto("/organizations");
  await expect(coordinator.getByRole("heading", { level: 3, name: schoolName })).toBeVisible();
  await expectAccessible(coordinator);
  await coordinator.getByRole("button", { name: `${schoolName} goedkeuren` }).click();
  await expect(coordinator.getByText(`${schoolName} is goedgekeurd.`)).toBeVisible();
  await expect(coordinator.getByRole("heading", { level: 3, name: schoolName })).toHaveCount(0);
  await coordinatorContext.close();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, An Verbeke" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Profiel" })).toBeVisible();
});

test("registration problems are shown next to their fields", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("E-mailadres").fill(demoUsers.school);
  await page.getByLabel("Kies een wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Registreren" }).click();
  await expect(page.getByLabel("Naam van de organisatie")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Gebruik minstens 10 tekens.")).toBeVisible();
  await expectAccessible(page);
});

test("a coordinator can reject a registration after confirming", async ({ page, browser, signedInAs }) => {
  const name = unique("vzw Twijfel");
  const registrant = await browser.newContext({ locale: "nl-BE" });
  const registrantPage = await registrant.newPage();
  await registrantPage.goto("/register");
  await registrantPage.getByLabel("Naam van de organisatie").fill(name);
  await registrantPage.getByLabel("Soort organisatie").selectOption({ label: "Vzw" });
  await registrantPage.getByLabel("Volledige naam").fill("Jo Twijfel");
  await registrantPage.getByLabel("E-mailadres").fill(`${unique("jo")}@twijfel.example`);
  await registrantPage.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
  await registrantPage.getByRole("button", { name: "Registreren" }).click();
  await expect(registrantPage.getByText(`${name} wacht op goedkeuring`)).toBeVisible();

  await signedInAs("coordinator");
  await page.goto("/organizations");
  await page.getByText(`${name} afwijzen…`).click();
  await page.getByRole("button", { name: "Ja, afwijzen" }).click();
  await expect(page.getByText(`${name} is afgewezen.`)).toBeVisible();

  await registrantPage.reload();
  await expect(registrantPage.getByText(`De registratie van ${name} werd niet goedgekeurd`)).toBeVisible();
  await registrant.close();
});
