import type { Page } from "@playwright/test";
import { activationLinkSentTo, emailsTo } from "./support/accounts";
import { expect, expectAccessible, signIn, test, unique } from "./support/fixtures";

const sentNotice = "Als dit adres gebruikt kan worden, hebben we er een link naartoe gestuurd.";

/** Fills in the employee sign-up form and sends it; returns the status of the form's answer. */
async function signUp(page: Page, fields: { name: string; email: string; password?: string }): Promise<number> {
  await page.goto("/signup");
  await page.getByLabel("Volledige naam").fill(fields.name);
  await page.getByLabel("E-mailadres op het werk").fill(fields.email);
  await page.getByLabel("Dienst").selectOption({ label: "Sociaal Huis" });
  await page.getByLabel("Kies een wachtwoord").fill(fields.password ?? "een sterk wachtwoord");
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => new URL(candidate.url()).pathname.startsWith("/signup") && candidate.request().method() === "POST"),
    page.getByRole("button", { name: "Account aanmaken" }).click(),
  ]);
  return response.status();
}

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

test("an employee signs up with a city address, opens the link from the mailbox, activates and is signed in; the link works once", async ({
  page,
  browser,
  signedInAs,
}) => {
  const email = `${unique("mia")}@demo.city`;
  const visitor = await browser.newContext({ locale: "nl-BE" });
  const visitorPage = await visitor.newPage();
  expect(await signUp(visitorPage, { name: "Mia Stad", email })).toBe(200);
  await expect(visitorPage.getByText(sentNotice)).toBeVisible();
  await expect(visitorPage.getByRole("button", { name: "Afmelden" })).toHaveCount(0);
  await expectAccessible(visitorPage);

  // Not yet: the right password gets the answer a wrong one gets.
  await visitorPage.goto("/login");
  await visitorPage.getByLabel("E-mailadres").fill(email);
  await visitorPage.getByLabel("Wachtwoord").fill("een sterk wachtwoord");
  await visitorPage.getByRole("button", { name: "Aanmelden" }).click();
  await expect(visitorPage.getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
  await expect(visitorPage.getByText("Net ingeschreven? Open eerst de link in de e-mail die we u stuurden")).toBeVisible();

  // The link waits in the outbox; the development mailbox shows it to a coordinator.
  await signedInAs("coordinator");
  await page.goto("/mailbox");
  await expect(page.getByText(`Aan ${email}`).first()).toBeVisible();
  const link = activationLinkSentTo(email);
  expect(link).toMatch(/^http:\/\/localhost:\d+\/confirm-email\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText(link).first()).toBeVisible();

  // Opening the link (as a mail scanner would) changes nothing; the button activates.
  const opened = await visitorPage.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(visitorPage.getByText(`Met deze link activeert u het Circuit-account van Mia Stad (Sociaal Huis) voor ${email}.`)).toBeVisible();
  await expectAccessible(visitorPage);
  await visitorPage.getByRole("button", { name: "Mijn account activeren" }).click();
  await expect(visitorPage.getByRole("heading", { level: 1, name: "Welkom, Mia Stad" })).toBeVisible();
  await expect(visitorPage.getByText("Uw adres is bevestigd en uw account is actief.")).toBeVisible();
  await expect(visitorPage.getByRole("banner")).toContainText("Stadsmedewerker");
  await visitor.close();

  const again = await browser.newContext({ locale: "nl-BE" });
  const againPage = await again.newPage();
  const reopened = await againPage.goto(link);
  expect(reopened?.status()).toBe(410);
  await expect(againPage.getByText("Deze activatielink is al gebruikt.")).toBeVisible();
  await expect(againPage.getByRole("button", { name: "Mijn account activeren" })).toHaveCount(0);
  await expectAccessible(againPage);
  const unknown = await againPage.goto("/confirm-email/niet-bestaand");
  expect(unknown?.status()).toBe(404);
  await expect(againPage.getByText("Deze activatielink is niet geldig.")).toBeVisible();
  await again.close();
});

test("an address that has an account gets the same answer as a free one; its owner is told by e-mail, and nothing changes for them", async ({
  page,
  newAccount,
}) => {
  const owner = await newAccount("employee");
  const freeEmail = `${unique("vrij")}@demo.city`;
  expect(await signUp(page, { name: "Vera Vrij", email: freeEmail })).toBe(200);
  await expect(page.getByText(sentNotice)).toBeVisible();
  const freeAnswer = await page.getByRole("main").innerText();

  expect(await signUp(page, { name: "Indringer", email: owner.email, password: "een ander wachtwoord" })).toBe(200);
  await expect(page.getByText(sentNotice)).toBeVisible();
  const takenAnswer = await page.getByRole("main").innerText();
  expect(takenAnswer).toBe(freeAnswer);
  expect(takenAnswer).toContain(sentNotice);
  await expect(page.getByText("Er bestaat al een account")).toHaveCount(0);

  expect(emailsTo(owner.email).map((email) => email.subject)).toEqual(["Iemand probeerde zich in te schrijven met uw adres"]);
  expect(emailsTo(owner.email)[0]?.body).not.toContain("/confirm-email/");
  expect(emailsTo(freeEmail).map((email) => email.subject)).toEqual(["Activeer uw Circuit-account"]);
  // The owner's account and password are as they were.
  await signIn(page, owner);
});
