import { expect, test, unique } from "./support/fixtures";

test.use({ javaScriptEnabled: false });

test("signing in works without JavaScript", async ({ page, newAccount }) => {
  // A wrong password counts towards the account's lockout: an account of this test's own.
  const school = await newAccount("recipient");
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(school.email);
  await page.getByLabel("Wachtwoord").fill("wrong password");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
  await expect(page.getByLabel("E-mailadres")).toHaveValue(school.email);

  await page.getByLabel("Wachtwoord").fill(school.password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welkom, ${school.name}` })).toBeVisible();
});

test("the language switcher works without JavaScript", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "City devices, a second life" })).toBeVisible();
});

test("a device with two drives is registered without JavaScript (the media list grows by server round trips)", async ({ page, signedInAs }) => {
  const tag = unique("NOJS").slice(0, 40);
  await signedInAs("department");
  await page.goto("/devices/new");
  await page.getByLabel("Inventarisnummer").fill(tag);
  await page.getByLabel("Serienummer").first().fill(`${tag}-SN`);
  await page.getByLabel("Fabrikant").fill("Dell");
  await page.getByLabel("Model").fill("Latitude 7400");
  await page.getByLabel("Soort", { exact: true }).first().selectOption({ label: "Laptop" });
  await page.getByRole("button", { name: "Opslagmedium toevoegen" }).click();
  await page.getByRole("button", { name: "Opslagmedium toevoegen" }).click();
  await expect(page.getByLabel("Inventarisnummer")).toHaveValue(tag);
  for (const [number, kind] of [
    [1, "SSD"],
    [2, "HDD"],
  ] as const) {
    const medium = page.getByRole("group", { name: `Opslagmedium ${number}` });
    await medium.getByLabel("Serienummer").fill(`${tag}-D${number}`);
    await medium.getByLabel("Soort").selectOption(kind);
    await medium.getByLabel("Capaciteit (GB)").fill("256");
  }
  await page.getByRole("button", { name: "Toestel registreren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dell Latitude 7400" })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${tag}-D1` })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${tag}-D2` })).toBeVisible();
});
