import { readFileSync } from "node:fs";
import type { APIRequestContext, Browser } from "@playwright/test";
import { bearer } from "./support/api";
import { pdfText } from "./support/pdf-text";
import { expect, expectAccessible, signIn, test, unique, type Account } from "./support/fixtures";

const nwipeLog = readFileSync("app/domain/fixtures/nwipe/shredos-dodshort-single.log", "utf8");
const loggedSerial = "WD-WCC2E1234567";

/** A laptop with an SSD and an HDD, registered by its department and collected by the technician, ready for wiping. */
async function collectedLaptop(request: APIRequestContext, people: { department: Account; technician: Account }) {
  const ssdSerial = unique("SSD").toUpperCase();
  const hddSerial = unique("WD").toUpperCase();
  const department = await bearer(request, people.department.email);
  const created = await request.post("/api/v1/devices", {
    headers: department,
    data: {
      assetTag: unique("WIPE").slice(0, 40),
      serial: unique("SN"),
      manufacturer: "HP",
      model: "EliteBook 850 G6",
      type: "laptop",
      ramGb: 16,
      storageGb: 756,
      media: [
        { serial: ssdSerial, kind: "SSD", capacityGb: 256 },
        { serial: hddSerial, kind: "HDD", capacityGb: 500 },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const device = await created.json();
  const technician = await bearer(request, people.technician.email);
  expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: technician, data: { action: "collect" } })).status()).toBe(200);
  return { device, ssdSerial, hddSerial };
}

async function pageAs(browser: Browser, account: Account) {
  const context = await browser.newContext({ locale: "nl-BE" });
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

test("two technicians wipe, validate, certify and list a laptop; the public page shows the certificate", async ({ browser, request, newAccount }) => {
  test.setTimeout(90_000);
  const [department, tech1, tech2] = [await newAccount("department"), await newAccount("technician"), await newAccount("technician")];
  const { device, ssdSerial, hddSerial } = await collectedLaptop(request, { department, technician: tech1 });
  const devicePath = `/devices/${device.id}`;

  // The first technician records the SSD's wipe by hand…
  const first = await pageAs(browser, tech1);
  await first.page.goto(devicePath);
  await expectAccessible(first.page);
  await first.page.getByRole("link", { name: `Wissing van ${ssdSerial} vastleggen` }).click();
  await expectAccessible(first.page);
  await first.page.getByLabel("Methode").selectOption({ label: "Zuiveren (purge)" });
  await first.page.getByLabel("Techniek").selectOption({ label: "Cryptografisch wissen" });
  await first.page.getByLabel("Wisprogramma", { exact: true }).fill("hdparm");
  await first.page.getByLabel("Versie van het wisprogramma").fill("9.65");
  await first.page.getByLabel("Verificatie").selectOption({ label: "Steekproef" });
  await first.page.getByLabel("Steekproef (%)").fill("10");
  await first.page.getByLabel("Resultaat").selectOption({ label: "Geslaagd" });
  await first.page.getByRole("button", { name: "Wisverslag bewaren" }).click();
  await expect(first.page.getByText(`De wissing van ${ssdSerial} is vastgelegd.`)).toBeVisible();

  // …and the HDD's from the nwipe log of the run.
  await first.page
    .getByLabel("nwipe-logbestand")
    .setInputFiles({ name: "nwipe.log", mimeType: "text/plain", buffer: Buffer.from(nwipeLog.replaceAll(loggedSerial, hddSerial)) });
  await first.page.getByRole("button", { name: "Log inlezen" }).click();
  const draft = first.page.getByRole("region", { name: `Concept-wisverslag voor schijf ${hddSerial}` });
  await expect(draft).toBeVisible();
  await expect(draft.getByLabel("Wisprogramma", { exact: true })).toHaveValue("nwipe");
  await expect(draft.getByLabel("Resultaat")).toHaveValue("pass");
  await expectAccessible(first.page);
  await draft.getByRole("button", { name: `Wisverslag van ${hddSerial} bewaren` }).click();
  await expect(first.page.getByText(`De wissing van ${hddSerial} is vastgelegd.`)).toBeVisible();

  // The same technician is not offered to validate their own record: it waits for a second technician.
  await expect(first.page.getByRole("button", { name: `Wissing van ${ssdSerial} valideren` })).toHaveCount(0);
  await expect(first.page.getByText("U hebt deze wissing vastgelegd: ze wacht op validatie door een tweede technicus.")).toHaveCount(2);
  await expect(first.page.getByRole("button", { name: "Wissing certificeren" })).toBeDisabled();
  await expect(first.page.getByText("Nog niet klaar om te certificeren.", { exact: false })).toContainText("De laatste wissing van elk opslagmedium");
  await first.context.close();

  // The second technician validates both, certifies, and lists the laptop.
  const second = await pageAs(browser, tech2);
  await second.page.goto(devicePath);
  // Each validation confirms what was checked; the last one validates and certifies in one go.
  await second.page.getByLabel("Ik heb de methode en de verificatie nagekeken", { exact: true }).check();
  await second.page.getByRole("button", { name: `Wissing van ${ssdSerial} valideren`, exact: true }).click();
  await expect(second.page.getByText(`De wissing van ${ssdSerial} is gevalideerd.`)).toBeVisible();
  await second.page.getByText("De regels van de log over deze schijf").click();
  await expect(second.page.getByText("Invoking method 'DoD Short' on /dev/sda")).toBeVisible();
  await second.page.getByLabel("Ik heb de methode, de verificatie en de log nagekeken").check();
  await second.page.getByRole("button", { name: `Wissing van ${hddSerial} valideren en het toestel certificeren` }).click();
  await expect(second.page.getByText(new RegExp(`De wissing van ${hddSerial} is gevalideerd en het toestel is gecertificeerd: certificaat WC-`))).toBeVisible();
  await expectAccessible(second.page);

  const certificateLink = second.page.getByRole("link", { name: /^Certificaat WC-\d{4}-\d{6} openen \(pdf\)$/ });
  const certificateNumber = ((await certificateLink.textContent()) ?? "").match(/WC-\d{4}-\d{6}/)?.[0] ?? "";
  expect(certificateNumber).not.toBe("");
  const pdfResponse = await second.page.request.get(`${devicePath}/certificate.pdf`);
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  const pdf = await pdfText(new Uint8Array(await pdfResponse.body()));
  expect(pdf.text).toContain(certificateNumber);
  expect(pdf.text).toContain(ssdSerial);
  expect(pdf.text).toContain(hddSerial);
  expect(pdf.text).toContain("Certificaat van gegevenswissing");

  await second.page.getByLabel("Staat (graad)").selectOption({ label: "A — als nieuw" });
  await second.page.getByLabel("Ik heb deze specificaties op het toestel nagekeken").check();
  await second.page.getByRole("button", { name: "Toestel aanbieden" }).click();
  await expect(second.page.getByText(`${device.assetTag} wordt aangeboden.`)).toBeVisible();
  await expect(second.page.getByText("Aangeboden", { exact: true }).first()).toBeVisible();
  await second.context.close();

  // The public page: the certificate, the method per medium, the validator's organization, no names.
  const visitor = await browser.newContext({ locale: "nl-BE" });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/verify/${device.publicId}`);
  await expect(publicPage.getByRole("heading", { name: `Wiscertificaat ${certificateNumber}` })).toBeVisible();
  const certificateTable = publicPage.getByRole("table");
  await expect(certificateTable).toContainText("Zuiveren (purge)");
  await expect(certificateTable).toContainText("Wissen (clear)");
  await expect(certificateTable).toContainText("ICT-dienst");
  const text = await publicPage.locator("body").innerText();
  for (const personal of [tech1.name, tech2.name, department.name, "@"]) expect(text).not.toContain(personal);
  await expectAccessible(publicPage);
  await visitor.close();
});

test("a log that names no medium of the device is refused, and nothing is saved", async ({ browser, request, newAccount }) => {
  const technician = await newAccount("technician");
  const { device } = await collectedLaptop(request, { department: await newAccount("department"), technician });
  const { context, page } = await pageAs(browser, technician);
  await page.goto(`/devices/${device.id}`);
  await page.getByLabel("nwipe-logbestand").setInputFiles({ name: "nwipe.log", mimeType: "text/plain", buffer: Buffer.from(nwipeLog) });
  await page.getByRole("button", { name: "Log inlezen" }).click();
  await expect(page.getByRole("alert")).toContainText("De log kon niet gebruikt worden. Er werd niets bewaard.");
  await expect(page.getByRole("alert")).toContainText(loggedSerial);
  // Said in the page's language, not in the log reader's English.
  await expect(page.getByRole("alert")).toContainText("Is het de log van een ander toestel?");
  await expect(page.getByText("Nog geen wissing vastgelegd voor dit medium in deze cyclus.")).toHaveCount(2);
  await context.close();
});

test("a wipe whose method and technique disagree is answered next to the field", async ({ browser, request, newAccount }) => {
  const technician = await newAccount("technician");
  const { device, ssdSerial } = await collectedLaptop(request, { department: await newAccount("department"), technician });
  const { context, page } = await pageAs(browser, technician);
  await page.goto(`/devices/${device.id}`);
  await page.getByRole("link", { name: `Wissing van ${ssdSerial} vastleggen` }).click();
  await page.getByLabel("Methode").selectOption({ label: "Vernietigen (destroy)" });
  await page.getByLabel("Techniek").selectOption({ label: "Overschrijven" });
  await page.getByLabel("Overschrijfrondes").fill("3");
  await page.getByLabel("Wisprogramma", { exact: true }).fill("shredder");
  await page.getByLabel("Versie van het wisprogramma").fill("1");
  await page.getByLabel("Verificatie").selectOption({ label: "Volledig" });
  await page.getByLabel("Resultaat").selectOption({ label: "Geslaagd" });
  await page.getByRole("button", { name: "Wisverslag bewaren" }).click();
  await expect(page.getByText("Vernietigen vraagt een vernietigingstechniek")).toBeVisible();
  await expect(page.getByLabel("Techniek")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await context.close();
});
