import { expect, expectAccessible, test, unique } from "./support/fixtures";

test("an invite link is used once and then refused", async ({ page, browser, signedInAs }) => {
  const email = `${unique("nieuwe-tech")}@demo.city`;
  await signedInAs("coordinator");
  await page.goto("/invites");
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Rol").selectOption({ label: "Technicus" });
  await page.getByLabel("Organisatie").selectOption({ label: "ICT-dienst" });
  await page.getByRole("button", { name: "Uitnodiging aanmaken" }).click();
  await expect(page.getByText(`Uitnodiging voor ${email} aangemaakt.`)).toBeVisible();
  const link = await page.getByLabel("Uitnodigingslink").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  await expectAccessible(page);

  // The same invite waits in the outbox, shown by the development mailbox.
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Postvak" }).click();
  await expect(page.getByText(`Aan ${email}`).first()).toBeVisible();
  await expect(page.getByText(link).first()).toBeVisible();
  await expectAccessible(page);

  const invitee = await browser.newContext({ locale: "nl-BE" });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByText("U bent uitgenodigd als Technicus bij ICT-dienst.")).toBeVisible();
  await expectAccessible(inviteePage);
  await inviteePage.getByLabel("Volledige naam").fill("Nora Nieuw");
  await inviteePage.getByLabel("Kies een wachtwoord").fill("een sterk wachtwoord");
  await inviteePage.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Welkom, Nora Nieuw" })).toBeVisible();
  await expect(inviteePage.getByRole("banner")).toContainText("Technicus");
  await invitee.close();

  const secondUse = await browser.newContext({ locale: "nl-BE" });
  const secondPage = await secondUse.newPage();
  const response = await secondPage.goto(link);
  expect(response?.status()).toBe(410);
  await expect(secondPage.getByText("Deze uitnodigingslink is al gebruikt.")).toBeVisible();
  await expect(secondPage.getByRole("button", { name: "Account aanmaken" })).toHaveCount(0);
  await secondUse.close();
});

test("an invite must match the organization to the role", async ({ page, signedInAs }) => {
  await signedInAs("coordinator");
  await page.goto("/invites");
  await page.getByLabel("E-mailadres").fill(`${unique("fout")}@demo.city`);
  await page.getByLabel("Rol").selectOption({ label: "Technicus" });
  await page.getByLabel("Organisatie").selectOption({ label: "Sociaal Huis" });
  await page.getByRole("button", { name: "Uitnodiging aanmaken" }).click();
  await expect(page.getByText("Technici horen bij de ICT-dienst.")).toBeVisible();
});
