// Recyclers are organizations the coordinator keeps: added on /recyclers with an accreditation number,
// chosen from a list when a device is recycled, and shown by their current name and accreditation on the
// device page and the public verification page (the custody chain holds only their id).
import type { APIRequestContext, Page } from "@playwright/test";
import { bearer } from "./support/api";
import { expect, expectAccessible, signIn, test, unique, type Account } from "./support/fixtures";

/** A laptop registered through the API by a department account of its own. */
async function registeredLaptop(request: APIRequestContext, department: Account) {
  const response = await request.post("/api/v1/devices", {
    headers: await bearer(request, department.email),
    data: {
      assetTag: unique("RECY").slice(0, 40),
      serial: unique("SN-RECY"),
      manufacturer: "HP",
      model: "EliteBook 840 G5",
      type: "laptop",
      media: [{ serial: unique("SSD-RECY"), kind: "SSD", capacityGb: 256 }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: number; publicId: string; assetTag: string };
}

const custodyCard = (page: Page, title: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name: title }) });

test("a coordinator adds a recycler, a technician recycles a device to it, and both pages show its name and accreditation", async ({
  page,
  browser,
  request,
  signedInAs,
  newAccount,
}) => {
  const name = unique("Recyclage E2E");
  const firstAccreditation = unique("OVAM-WEEE");
  const renewedAccreditation = unique("RECUPEL-VL");

  await signedInAs("coordinator");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Recycleerders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recycleerders" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nieuwe recycleerder" })).toBeVisible();
  await expectAccessible(page);

  // Both fields are required.
  await page.getByRole("button", { name: "Recycleerder toevoegen" }).click();
  await expect(page.getByText("Vul dit veld in.")).toHaveCount(2);
  await expectAccessible(page);

  await page.getByLabel("Naam van de recycleerder").fill(name);
  await page.getByLabel("Erkenningsnummer", { exact: true }).fill(firstAccreditation);
  await expect(page.getByText("Bijvoorbeeld een WEEE- of Recupel-registratienummer.")).toBeVisible();
  await page.getByRole("button", { name: "Recycleerder toevoegen" }).click();
  await expect(page.getByText(`${name} is toegevoegd aan de recycleerders.`)).toBeVisible();
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(entry).toContainText(firstAccreditation);
  await expectAccessible(page);

  // Names are unique among organizations.
  await page.getByLabel("Naam van de recycleerder").fill(name);
  await page.getByLabel("Erkenningsnummer", { exact: true }).fill(unique("WEEE"));
  await page.getByRole("button", { name: "Recycleerder toevoegen" }).click();
  await expect(page.getByText("Er is al een organisatie met deze naam geregistreerd.")).toBeVisible();
  await expect(page.getByLabel("Naam van de recycleerder")).toHaveAttribute("aria-invalid", "true");

  // The accreditation is renewed: pages show the recycler as it is now.
  await entry.getByText(`Erkenningsnummer van ${name} wijzigen…`).click();
  await entry.getByLabel(`Nieuw erkenningsnummer voor ${name}`).fill(renewedAccreditation);
  await entry.getByRole("button", { name: "Erkenningsnummer opslaan" }).click();
  await expect(page.getByText(`Het erkenningsnummer van ${name} is nu ${renewedAccreditation}.`)).toBeVisible();
  await expect(entry).toContainText(renewedAccreditation);
  await expect(entry).not.toContainText(firstAccreditation);
  await expectAccessible(page);

  // A technician recycles a device, choosing the recycler from the list.
  const device = await registeredLaptop(request, await newAccount("department"));
  const technician = await browser.newContext({ locale: "nl-BE" });
  const technicianPage = await technician.newPage();
  await signIn(technicianPage, await newAccount("technician"));
  expect((await technicianPage.goto("/recyclers"))?.status()).toBe(403);
  await technicianPage.goto(`/devices/${device.id}`);
  await technicianPage.getByText("Recycleren…").click();
  const recyclerSelect = technicianPage.getByLabel("Recycleerder", { exact: true });
  await expect(recyclerSelect.getByRole("option", { name: `${name} (erkenning ${renewedAccreditation})` })).toHaveCount(1);
  await expectAccessible(technicianPage);

  // Nothing chosen: the form says so and the device stays as it is.
  await technicianPage.getByRole("button", { name: `${device.assetTag} definitief recycleren` }).click();
  await expect(technicianPage.getByText("Kies een van de mogelijkheden.")).toBeVisible();
  await expect(technicianPage.getByText("Vul dit veld in.")).toBeVisible();

  await recyclerSelect.selectOption({ label: `${name} (erkenning ${renewedAccreditation})` });
  await technicianPage.getByLabel("Certificaatnummer van de recycleerder").fill("RC-E2E-000042");
  await technicianPage.getByRole("button", { name: `${device.assetTag} definitief recycleren` }).click();
  await expect(technicianPage.getByText(`${device.assetTag} is gerecycleerd.`)).toBeVisible();
  const staffCustody = custodyCard(technicianPage, "Bewaarketen");
  await expect(staffCustody.getByText("Elke gebeurtenis van dit toestel klopt met het grootboek.")).toBeVisible();
  const recycleEvent = staffCustody.getByRole("listitem").filter({ hasText: "Gerecycleerd" });
  await expect(recycleEvent).toContainText(`→ ${name}`);
  await expect(recycleEvent.getByRole("definition")).toHaveText([name, renewedAccreditation, "RC-E2E-000042"]);
  await expect(recycleEvent.getByRole("term")).toHaveText(["Recycleerder", "Erkenningsnummer", "Certificaatnummer"]);
  await expectAccessible(technicianPage);
  await technician.close();

  // The public page, for anyone with the label: the recycler by name and accreditation, the chain intact.
  const visitor = await browser.newContext({ locale: "nl-BE" });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/verify/${device.publicId}`);
  await expect(publicPage.getByText("De bewaarketen van dit toestel is intact")).toBeVisible();
  const publicEvent = custodyCard(publicPage, "Bewaarketen").getByRole("listitem").filter({ hasText: "Gerecycleerd" });
  await expect(publicEvent.getByRole("definition")).toHaveText([name, renewedAccreditation, "RC-E2E-000042"]);
  await expectAccessible(publicPage);
  await visitor.close();
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the recyclers page and the recycle form speak English", async ({ page, request, signedInAs, newAccount }) => {
    const name = unique("Recycling E2E");
    const accreditation = unique("WEEE-BE");
    await signedInAs("coordinator");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Recyclers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Recyclers" })).toBeVisible();
    await expect(page.getByText("Devices that will not be reused go to one of these recyclers.")).toBeVisible();
    await page.getByLabel("Name of the recycler").fill(name);
    await page.getByLabel("Accreditation number", { exact: true }).fill(`${accreditation}\u0007`);
    await page.getByRole("button", { name: "Add recycler" }).click();
    await expect(page.getByText("Use letters, digits and punctuation on one line: no line breaks or control characters.")).toBeVisible();
    await page.getByLabel("Accreditation number", { exact: true }).fill(accreditation);
    await page.getByRole("button", { name: "Add recycler" }).click();
    await expect(page.getByText(`${name} is added to the recyclers.`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Known recyclers" })).toBeVisible();
    await expectAccessible(page);

    // A coordinator recycles straight from registered.
    const device = await registeredLaptop(request, await newAccount("department"));
    await page.goto(`/devices/${device.id}`);
    await page.getByText("Recycle…").click();
    await expect(page.getByText("Recycling is final. Choose the recycler that takes the device")).toBeVisible();
    await page.getByLabel("Recycler", { exact: true }).selectOption({ label: `${name} (accreditation ${accreditation})` });
    await page.getByLabel("Recycler's certificate number").fill("EN-CERT-7");
    await page.getByRole("button", { name: `Recycle ${device.assetTag} for good` }).click();
    await expect(page.getByText(`${device.assetTag} is recycled.`)).toBeVisible();
    const recycleEvent = custodyCard(page, "Chain of custody").getByRole("listitem").filter({ hasText: "Recycled" });
    await expect(recycleEvent.getByRole("term")).toHaveText(["Recycler", "Accreditation number", "Certificate number"]);
    await expect(recycleEvent.getByRole("definition")).toHaveText([name, accreditation, "EN-CERT-7"]);
    await expectAccessible(page);
  });
});
