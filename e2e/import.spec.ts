// The inventory import as a department uses it: upload, map an unknown column and a category, commit,
// find the devices in the list, download the refused rows; the same without JavaScript; axe in nl and en.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, unique } from "./support/fixtures";

function inventoryFile(prefix: string): string {
  return [
    // A column of its own per test: the mapping chosen for a file's headers is remembered for the next upload.
    `Asset Tag;Serial Number;Manufacturer;Model;Category;Kostenplaats ${prefix};Purchase Cost`,
    `${prefix}-1;${prefix}-S1;Dell;Latitude 5490;Laptop;KP-12;1.049,00`,
    `${prefix}-2;${prefix}-S2;Canon;Pixma;Printer;KP-13;€ 89`,
    `${prefix}-3;6.37702E+15;HP;EliteDesk;Desktop;KP-13;649`,
  ].join("\r\n");
}

async function upload(page: Page, prefix: string) {
  await page.goto("/devices");
  await page.getByRole("link", { name: "Importeren uit een bestand" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toestellen importeren" })).toBeVisible();
  await page.getByLabel("CSV-bestand").setInputFiles({ name: `${prefix}.csv`, mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + inventoryFile(prefix)) });
  await page.getByRole("button", { name: "Voorbeeld tonen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Voorbeeld van ${prefix}.csv` })).toBeVisible();
}

async function mapAndCommit(page: Page, prefix: string) {
  await page.getByLabel(`Kolom “Kostenplaats ${prefix}”`).selectOption({ label: "Notities" });
  await page.getByLabel("Categorie “Printer” (1 regels)").selectOption({ label: "Andere" });
  await page.getByRole("button", { name: "Deze keuzes toepassen" }).click();
  await expect(page.getByText("2 nieuw, 0 al aanwezig (ongewijzigd), 0 bij te werken, 1 geweigerd.")).toBeVisible();
  await expect(page.getByRole("row", { name: /6\.37702E\+15|Geweigerd/ }).first()).toContainText("het echte serienummer is verloren");
  await page.getByRole("button", { name: "De nieuwe toestellen registreren" }).click();
  await expect(page.getByText("Aangemaakt 2, al aanwezig 0 (ongewijzigd), bijgewerkt 0, geweigerd 1.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "De geweigerde regels met hun reden downloaden (CSV)" }).click();
  const refused = readFileSync(await (await download).path(), "utf8");
  expect(refused.startsWith("\uFEFFRegel;Asset Tag;")).toBe(true);
  expect(refused).toContain("6.37702E+15");
  expect(refused).toContain("het echte serienummer is verloren");
  await page.getByRole("link", { name: "Naar de toestellen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toestellen" })).toBeVisible();
  await page.goto(`/devices?q=${prefix}`);
  await expect(page.getByRole("link", { name: `${prefix}-1` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${prefix}-2` })).toBeVisible();
}

test("a department uploads a file, maps a column and a category, commits, finds the devices and downloads the refused rows", async ({ page, signedInAs }) => {
  const prefix = unique("IMP").slice(0, 20);
  await signedInAs("department");
  await upload(page, prefix);
  await expect(page.getByRole("heading", { name: "Welk gegeven staat in elke kolom?" })).toBeVisible();
  await expectAccessible(page);
  await mapAndCommit(page, prefix);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same import works with plain forms", async ({ page, signedInAs }) => {
    const prefix = unique("NJI").slice(0, 20);
    await signedInAs("department");
    await upload(page, prefix);
    await mapAndCommit(page, prefix);
  });
});

for (const width of [390, 1280]) {
  test(`the import pages pass axe at ${width} px, in Dutch and English`, async ({ page, signedInAs }) => {
    await page.setViewportSize({ width, height: 900 });
    const prefix = unique("AXE").slice(0, 20);
    await signedInAs("department");
    await page.goto("/devices/import");
    await expectAccessible(page);
    await upload(page, prefix);
    await expectAccessible(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Which field is in each column?" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/devices/import");
    await expect(page.getByRole("heading", { level: 1, name: "Import devices" })).toBeVisible();
    await expectAccessible(page);
  });
}
