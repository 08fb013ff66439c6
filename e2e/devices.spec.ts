import { demoUsers, expect, expectAccessible, signIn, test, unique } from "./support/fixtures";

test("a laptop with two drives: registered, collected, verified in public, hidden from other departments", async ({
  page,
  browser,
  signedInAs,
  newAccount,
}) => {
  const assetTag = unique("E2E").slice(0, 40);
  const serial = unique("SN").slice(0, 60);

  // A department user registers it, with the real form.
  const department = await signedInAs("department");
  await page.goto("/devices");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Toestel registreren" }).click();
  await expectAccessible(page);
  await page.getByLabel("Inventarisnummer").fill(assetTag);
  await page.getByLabel("Serienummer").first().fill(serial);
  await page.getByLabel("Fabrikant").fill("Dell");
  await page.getByLabel("Model").fill("Latitude 7490");
  await page.getByLabel("Soort", { exact: true }).first().selectOption({ label: "Laptop" });
  await page.getByLabel("Geheugen (GB)").fill("16");
  await page.getByLabel("Opslag (GB)").fill("1512");
  await page.getByLabel("Toetsenbordindeling").selectOption("AZERTY-BE");
  await page.getByRole("button", { name: "Opslagmedium toevoegen" }).click();
  await page.getByRole("button", { name: "Opslagmedium toevoegen" }).click();
  const first = page.getByRole("group", { name: "Opslagmedium 1" });
  await first.getByLabel("Serienummer").fill(`${serial}-D1`);
  await first.getByLabel("Soort").selectOption("NVMe");
  await first.getByLabel("Capaciteit (GB)").fill("512");
  const second = page.getByRole("group", { name: "Opslagmedium 2" });
  await second.getByLabel("Serienummer").fill(`${serial}-D2`);
  await second.getByLabel("Soort").selectOption("HDD");
  await second.getByLabel("Capaciteit (GB)").fill("1000");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Toestel registreren" }).click();

  await expect(page.getByText(`${assetTag} is geregistreerd.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Dell Latitude 7490" })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${serial}-D1` })).toBeVisible();
  await expect(page.getByRole("cell", { name: `${serial}-D2` })).toBeVisible();
  await expectAccessible(page);
  const devicePath = new URL(page.url()).pathname;
  const publicPath = await page.getByRole("link", { name: "Openbare controlepagina" }).getAttribute("href");
  expect(publicPath).toMatch(/^\/verify\/[A-Za-z0-9_-]{16}$/);
  expect(publicPath).not.toContain(devicePath.split("/").at(-1));

  // A technician collects it.
  const technicianContext = await browser.newContext({ locale: "nl-BE" });
  const technician = await technicianContext.newPage();
  const technicianAccount = await newAccount("technician");
  await signIn(technician, technicianAccount);
  await technician.goto(devicePath);
  await technician.getByRole("button", { name: "Dit toestel ophalen" }).click();
  await expect(technician.getByText(`${assetTag} is opgehaald`)).toBeVisible();
  const timeline = technician.getByRole("list").filter({ hasText: "Geregistreerd" });
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline).toContainText(`${department.organization.name} → ICT-dienst`);
  await expect(timeline).toContainText(`door ${technicianAccount.name} (Technicus)`);
  await expectAccessible(technician);
  await technicianContext.close();

  // The public page: both events, organizations by name, no person's name or e-mail address.
  const visitor = await browser.newContext({ locale: "nl-BE" });
  const publicPage = await visitor.newPage();
  await publicPage.goto(publicPath!);
  await expect(publicPage.getByRole("heading", { level: 1, name: "Controle van een toestel" })).toBeVisible();
  await expect(publicPage.getByText("Laptop", { exact: true })).toBeVisible();
  const publicTimeline = publicPage.getByRole("list").filter({ hasText: "Opgehaald" });
  await expect(publicTimeline.getByRole("listitem")).toHaveCount(2);
  await expect(publicTimeline).toContainText(`${department.organization.name} → ICT-dienst`);
  await expect(publicPage.getByText("De bewaarketen van dit toestel is intact")).toBeVisible();
  const text = await publicPage.locator("body").innerText();
  for (const personal of [department.name, technicianAccount.name, "@demo.city", "@"]) expect(text).not.toContain(personal);
  await expectAccessible(publicPage);
  await visitor.close();

  // Staff of another department get a 403 page, not a crash.
  const otherContext = await browser.newContext({ locale: "nl-BE" });
  const other = await otherContext.newPage();
  await signIn(other, await newAccount("department"));
  const response = await other.goto(devicePath);
  expect(response?.status()).toBe(403);
  await expect(other.getByRole("heading", { level: 1, name: "Niet toegestaan" })).toBeVisible();
  await expectAccessible(other);
  await otherContext.close();
});

test("a duplicate asset tag is refused next to its field", async ({ page, signedInAs }) => {
  await signedInAs("department");
  await page.goto("/devices/new");
  await page.getByLabel("Inventarisnummer").fill("STAD-0001");
  await page.getByLabel("Serienummer").first().fill(unique("SN"));
  await page.getByLabel("Fabrikant").fill("HP");
  await page.getByLabel("Model").fill("ProBook");
  await page.getByLabel("Soort", { exact: true }).first().selectOption({ label: "Laptop" });
  await page.getByRole("button", { name: "Toestel registreren" }).click();
  await expect(page.getByText("Een ander toestel heeft dit inventarisnummer al.")).toBeVisible();
  await expect(page.getByLabel("Inventarisnummer")).toHaveAttribute("aria-invalid", "true");
});

test("the device list filters, searches and pages", async ({ page }) => {
  await signIn(page, demoUsers.coordinator);
  await page.goto("/devices");
  await expect(page.getByRole("status").filter({ hasText: "toestellen" })).toContainText(/\d+ toestellen/);
  await page.getByLabel("Status").selectOption({ label: "Gerecycleerd" });
  await page.getByRole("button", { name: "Toestellen tonen" }).click();
  await expect(page).toHaveURL(/status=recycled/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Gerecycleerd");
  await page.getByLabel("Zoek op inventarisnummer, serienummer of model").fill("ThinkPad");
  await page.getByLabel("Status").selectOption({ label: "Alle" });
  await page.getByRole("button", { name: "Toestellen tonen" }).click();
  await expect(page.getByRole("table")).toContainText("Lenovo ThinkPad T480");
  await expect(page.getByRole("table")).not.toContainText("Dell");
  await expectAccessible(page);
});

test.describe("recipients and employees", () => {
  test("see no device registry", async ({ page }) => {
    await signIn(page, demoUsers.school);
    const response = await page.goto("/devices");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Toestellen" })).toHaveCount(0);
  });
});

test("the coordinator's home shows the custody head hash", async ({ page, request }) => {
  await signIn(page, demoUsers.coordinator);
  const headHash = async (): Promise<string> => (await (await request.get(`/api/v1/verify/${publicId}`)).json()).headHash;
  await page.goto("/devices/1");
  const publicId = (await page.getByRole("link", { name: "Openbare controlepagina" }).getAttribute("href"))!.split("/").at(-1);
  // Other tests may append events meanwhile: compare only when no event came in between.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const before = await headHash();
    await page.goto("/");
    const shown = await page
      .getByRole("definition")
      .filter({ hasText: /^[0-9a-f]{64}$/ })
      .innerText();
    const after = await headHash();
    if (before === after) {
      expect(shown).toBe(before);
      await expectAccessible(page);
      return;
    }
  }
  throw new Error("The ledger kept changing; could not compare the head hash.");
});

test("an unknown label gets a 404 page", async ({ page }) => {
  const response = await page.goto("/verify/not-a-real-label-id");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});
