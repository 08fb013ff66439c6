import { activationLinkSentTo, emailsTo } from "./support/accounts";
import { demoUsers, expect, expectAccessible, signIn, test, unique } from "./support/fixtures";

const sentNotice = "Als dit adres gebruikt kan worden, hebben we er een link naartoe gestuurd.";

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
  await expect(page.getByText(sentNotice)).toBeVisible();
  await expectAccessible(page);

  // The member's account is active only once the link sent to the address is opened.
  await page.goto(activationLinkSentTo(email));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mijn account activeren" }).click();
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

test("registration problems are shown next to their fields, and none of them says whether the address has an account", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("E-mailadres").fill(demoUsers.school);
  await page.getByLabel("Kies een wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Registreren" }).click();
  await expect(page.getByLabel("Naam van de organisatie")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Gebruik minstens 10 tekens.")).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).not.toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("registering with an address that has an account answers as for a free one, registers nothing, and tells the owner", async ({ page, newAccount }) => {
  const owner = await newAccount("recipient");
  const answers: { status: number; text: string }[] = [];
  for (const [organization, email] of [
    [unique("vzw Vrij"), `${unique("vrij")}@vrij.example`],
    [unique("vzw Bezet"), owner.email],
  ] as const) {
    await page.goto("/register");
    await page.getByLabel("Naam van de organisatie").fill(organization);
    await page.getByLabel("Soort organisatie").selectOption({ label: "Vzw" });
    await page.getByLabel("Volledige naam").fill("Kim Klop");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname.startsWith("/register") && candidate.request().method() === "POST"),
      page.getByRole("button", { name: "Registreren" }).click(),
    ]);
    await expect(page.getByText(sentNotice)).toBeVisible();
    answers.push({ status: response.status(), text: await page.getByRole("main").innerText() });
  }
  expect(answers[1]).toEqual(answers[0]);
  expect(emailsTo(owner.email).map((email) => email.subject)).toEqual(["Iemand probeerde zich in te schrijven met uw adres"]);
});

test("a coordinator can reject a registration after confirming", async ({ page, browser, signedInAs }) => {
  const name = unique("vzw Twijfel");
  const email = `${unique("jo")}@twijfel.example`;
  const registrant = await browser.newContext({ locale: "nl-BE" });
  const registrantPage = await registrant.newPage();
  await registrantPage.goto("/register");
  await registrantPage.getByLabel("Naam van de organisatie").fill(name);
  await registrantPage.getByLabel("Soort organisatie").selectOption({ label: "Vzw" });
  await registrantPage.getByLabel("Volledige naam").fill("Jo Twijfel");
  await registrantPage.getByLabel("E-mailadres").fill(email);
  await registrantPage.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
  await registrantPage.getByRole("button", { name: "Registreren" }).click();
  await expect(registrantPage.getByText(sentNotice)).toBeVisible();
  await registrantPage.goto(activationLinkSentTo(email));
  await registrantPage.getByRole("button", { name: "Mijn account activeren" }).click();
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
