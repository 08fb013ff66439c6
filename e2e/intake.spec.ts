// Drives where they are known: a laptop registered without drives, collected with a drive added and a spec
// corrected, an nwipe log naming a second drive added in one click, and a second technician who sees the
// evidence, ticks what they checked and validates and certifies in one go. axe in Dutch and English at 390
// and 1280 px on the collect step, the unknown-drive offer and the validation evidence.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, unique, type Account } from "./support/fixtures";

const singleDriveLog = readFileSync("app/domain/fixtures/nwipe/shredos-dodshort-single.log", "utf8");
const ssdLog = readFileSync("app/domain/fixtures/nwipe/nwipe-prng-verify-all-three-rounds.log", "utf8");

async function pageAs(browser: Browser, account: Account) {
  const context = await browser.newContext({ locale: "nl-BE" });
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

/** axe at a phone's and a desktop's width, in the page's language as it is. */
async function accessibleAtBothWidths(page: Page) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function switchLanguage(page: Page, to: "English" | "Nederlands") {
  await page.getByRole("button", { name: to }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "nl");
}

test("register without drives, collect adding one, add the log's other drive in one click, validate with evidence and certify", async ({
  page,
  browser,
  signedInAs,
  newAccount,
}) => {
  // Twelve axe runs on long pages (both languages, both widths): slow on a shared machine.
  test.setTimeout(300_000);
  const assetTag = unique("IN").slice(0, 40);
  const hddSerial = unique("HDD").toUpperCase();
  const ssdSerial = unique("SSD").toUpperCase();
  const log = `${singleDriveLog.replaceAll("WD-WCC2E1234567", hddSerial)}${ssdLog.replaceAll("50026B7782ABCDEF", ssdSerial)}`;

  // The department registers the laptop without drives: the form says the technician confirms them.
  await signedInAs("department");
  await page.goto("/devices/new");
  await expect(page.getByText("de technicus bevestigt de schijven bij het ophalen")).toBeVisible();
  await page.getByLabel("Inventarisnummer").fill(assetTag);
  await page.getByLabel("Serienummer").first().fill(unique("SN"));
  await page.getByLabel("Fabrikant").fill("Lenovo");
  await page.getByLabel("Model").fill("ThinkPad T480");
  await page.getByLabel("Soort", { exact: true }).first().selectOption({ label: "Laptop" });
  await page.getByLabel("Geheugen (GB)").fill("8");
  await page.getByRole("button", { name: "Toestel registreren" }).click();
  await expect(page.getByText(`${assetTag} is geregistreerd.`)).toBeVisible();
  const devicePath = new URL(page.url()).pathname;

  // The technician collects it: the collect step shows the registration, adds the drive found and corrects the memory.
  const tech1 = await newAccount("technician");
  const first = await pageAs(browser, tech1);
  await first.page.goto(devicePath);
  const collect = first.page.locator("form#collect");
  await expect(collect.getByText("Geen schijven geregistreerd")).toBeVisible();
  await expect(collect.getByLabel("Geheugen (GB)")).toHaveValue("8");
  await accessibleAtBothWidths(first.page);
  await switchLanguage(first.page, "English");
  await expect(first.page.locator("form#collect").getByText("No drives registered")).toBeVisible();
  await accessibleAtBothWidths(first.page);
  await switchLanguage(first.page, "Nederlands");
  await collect.getByRole("button", { name: "Schijf toevoegen" }).click();
  const drive = collect.getByRole("group", { name: "Schijf 1" });
  await drive.getByLabel("Serienummer").fill(hddSerial);
  await drive.getByLabel("Soort").selectOption("HDD");
  await drive.getByLabel("Capaciteit (GB)").fill("500");
  await collect.getByLabel("Geheugen (GB)").fill("16");
  await expectAccessible(first.page);
  await collect.getByRole("button", { name: "Dit toestel ophalen" }).click();
  await expect(first.page.getByText(`${assetTag} is opgehaald`)).toBeVisible();
  const timeline = first.page.getByRole("list").filter({ hasText: "Geregistreerd" });
  await expect(timeline).toContainText(`Schijf toegevoegd: HDD ${hddSerial} (500 GB)`);
  await expect(timeline).toContainText("Geheugen (GB) verbeterd: 8 → 16");

  // An nwipe log names that drive and an SSD the device does not have: a draft for the first, an offer for the second.
  const upload = async (button: string) => {
    await first.page.locator("#nwipe-log").setInputFiles({ name: "nwipe.log", mimeType: "text/plain", buffer: Buffer.from(log) });
    await first.page.getByRole("button", { name: button }).click();
  };
  await upload("Log inlezen");
  const offer = first.page.getByRole("region", { name: `Schijf ${ssdSerial} is niet geregistreerd op dit toestel` });
  await expect(offer).toContainText("Uit de log: SSD, 240 GB");
  await expect(first.page.getByRole("region", { name: `Concept-wisverslag voor schijf ${hddSerial}` })).toBeVisible();
  await accessibleAtBothWidths(first.page);
  await switchLanguage(first.page, "English");
  await upload("Read the log");
  await expect(first.page.getByRole("region", { name: `Drive ${ssdSerial} is not registered on this device` })).toBeVisible();
  await accessibleAtBothWidths(first.page);
  await switchLanguage(first.page, "Nederlands");
  await upload("Log inlezen");

  // One click adds the SSD with its wipe record from the log; the HDD's draft is still there to save.
  await offer.getByRole("button", { name: `Schijf ${ssdSerial} toevoegen met haar wisverslag` }).click();
  await expect(offer.getByRole("status")).toHaveText(`Schijf ${ssdSerial} is toegevoegd en haar wisverslag bewaard; een tweede technicus valideert het.`);
  const draft = first.page.getByRole("region", { name: `Concept-wisverslag voor schijf ${hddSerial}` });
  await draft.getByRole("button", { name: `Wisverslag van ${hddSerial} bewaren` }).click();
  await expect(first.page.getByText(`De wissing van ${hddSerial} is vastgelegd.`)).toBeVisible();
  await expect(first.page.getByText("U hebt deze wissing vastgelegd: ze wacht op validatie door een tweede technicus.")).toHaveCount(2);
  await expect(first.page.getByRole("button", { name: /valideren/ })).toHaveCount(0);
  await first.context.close();

  // The second technician sees the evidence, must tick what they checked, and validates; the last one certifies too.
  const second = await pageAs(browser, await newAccount("technician"));
  await second.page.goto(devicePath);
  const validateForm = (serial: string) =>
    second.page.locator("form", { has: second.page.getByRole("button", { name: new RegExp(`^Wissing van ${serial} valideren`) }) });
  await expect(second.page.getByText("Na te kijken (uit de nwipe-log gelezen)")).toHaveCount(2);
  await accessibleAtBothWidths(second.page);
  await switchLanguage(second.page, "English");
  await expect(second.page.getByText("What to check (read from the nwipe log)")).toHaveCount(2);
  await accessibleAtBothWidths(second.page);
  await switchLanguage(second.page, "Nederlands");

  // Without the tick the server refuses too (a field error), and nothing is validated.
  const hddWipeId = await validateForm(hddSerial).locator('input[name="wipeId"]').getAttribute("value");
  const unticked = await second.page.request.post(devicePath, { form: { intent: "validate-wipe", wipeId: hddWipeId ?? "" } });
  expect(unticked.status()).toBe(400);
  await second.page.reload();
  await expect(validateForm(hddSerial)).toBeVisible();

  // The evidence sits beside the form, in the record's list item (the innermost one that holds the form).
  await second.page
    .getByRole("listitem")
    .filter({ has: validateForm(hddSerial) })
    .last()
    .getByText("De regels van de log over deze schijf")
    .click();
  await expect(second.page.getByText("Invoking method 'DoD Short' on /dev/sda")).toBeVisible();
  await validateForm(hddSerial).getByRole("button").click();
  await expect(validateForm(hddSerial).getByText("Vink aan dat u het wisverslag nagekeken hebt")).toBeVisible();
  await validateForm(hddSerial).getByLabel("Ik heb de methode, de verificatie en de log nagekeken").check();
  await validateForm(hddSerial)
    .getByRole("button", { name: `Wissing van ${hddSerial} valideren`, exact: true })
    .click();
  await expect(second.page.getByText(`De wissing van ${hddSerial} is gevalideerd.`)).toBeVisible();

  await validateForm(ssdSerial).getByLabel("Ik heb de methode, de verificatie en de log nagekeken").check();
  await validateForm(ssdSerial)
    .getByRole("button", { name: `Wissing van ${ssdSerial} valideren en het toestel certificeren` })
    .click();
  await expect(
    second.page.getByText(new RegExp(`De wissing van ${ssdSerial} is gevalideerd en het toestel is gecertificeerd: certificaat WC-\\d{4}-\\d{6}`)),
  ).toBeVisible();
  await expect(second.page.getByRole("link", { name: /^Certificaat WC-\d{4}-\d{6} openen \(pdf\)$/ })).toBeVisible();
  await expectAccessible(second.page);
  await second.context.close();
});
