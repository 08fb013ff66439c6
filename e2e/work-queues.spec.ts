// The staff home pages as work queues: each role sees what waits for it, with a count and the action at
// hand; collecting from the technician's queue takes one click; the second technician is told that a
// wipe waits for them (and the one who recorded it sees "waiting for a second technician"); the
// coordinator is told that a request waits for review. Axe at 390 and 1280 px, in Dutch and English.
import type { APIRequestContext, Page } from "@playwright/test";
import { bearer, inTwoMonths, listedLaptop } from "./support/api";
import { expect, expectAccessible, signIn, test, unique, type Account } from "./support/fixtures";
import { createAccount } from "./support/accounts";

async function registeredLaptop(request: APIRequestContext, department: Account): Promise<{ id: number; assetTag: string; media: { id: number }[] }> {
  const created = await request.post("/api/v1/devices", {
    headers: await bearer(request, department.email),
    data: {
      assetTag: unique("WQ").slice(0, 40),
      serial: unique("SN"),
      manufacturer: "Dell",
      model: "Latitude 7490",
      type: "laptop",
      ramGb: 8,
      storageGb: 256,
      media: [{ serial: unique("SSD"), kind: "SSD", capacityGb: 256 }],
    },
  });
  expect(created.status()).toBe(201);
  return created.json();
}

/** The section of the home page for one queue, found by its heading. */
function queue(page: Page, heading: string | RegExp) {
  return page.getByRole("region", { name: heading });
}

async function axeAtBothWidths(page: Page): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
}

test("technician: collect from the queue in one click; a colleague's wipe waits for the other technician, never its performer", async ({
  page,
  browser,
  request,
}) => {
  const department = await createAccount("department");
  const performer = await createAccount("technician");
  const validator = await createAccount("technician");
  const device = await registeredLaptop(request, department);
  const performerHeaders = await bearer(request, performer.email);

  await signIn(page, performer);
  await page.goto("/");
  const toCollect = queue(page, /^Op te halen/);
  await expect(toCollect.getByRole("heading", { level: 2 })).toContainText(/\d+/);
  // The oldest device first: collect whichever is at the top, in one click.
  const firstCollect = toCollect.getByRole("button", { name: /ophalen$/ }).first();
  const firstName = (await firstCollect.textContent()) ?? "";
  const firstTag = firstName.replace(/ ophalen$/, "");
  await firstCollect.click();
  await expect(page.getByRole("status").filter({ hasText: `${firstTag} is opgehaald` })).toBeVisible();
  await expect(toCollect.getByRole("button", { name: firstName })).toHaveCount(0);

  // Our own laptop: collected and wiped over the API by the performer.
  expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: performerHeaders, data: { action: "collect" } })).status()).toBe(200);
  const wipe = await request.post(`/api/v1/devices/${device.id}/media/${device.media[0]!.id}/wipes`, {
    headers: performerHeaders,
    data: { method: "purge", technique: "crypto-erase", tool: "hdparm", toolVersion: "9.65", verification: "full", result: "pass" },
  });
  expect(wipe.status()).toBe(201);

  await page.goto("/");
  const waitingForSecond = queue(page, /^Wacht op een tweede technicus/);
  await expect(waitingForSecond.getByRole("link", { name: new RegExp(device.assetTag) })).toBeVisible();
  await expect(queue(page, /^Wacht op uw validatie/).getByRole("link", { name: `${device.assetTag} valideren` })).toHaveCount(0);
  await axeAtBothWidths(page);

  const validatorContext = await browser.newContext({ locale: "nl-BE" });
  const validatorPage = await validatorContext.newPage();
  await signIn(validatorPage, validator);
  await validatorPage.goto("/");
  await expect(validatorPage.getByRole("link", { name: `Een wisverslag van ${device.assetTag} wacht op uw validatie` })).toBeVisible();
  await expect(queue(validatorPage, /^Wacht op uw validatie/).getByRole("link", { name: `${device.assetTag} valideren` })).toBeVisible();
  await expect(validatorPage.getByRole("region", { name: /^Wacht op een tweede technicus/ })).toHaveCount(0);
  await validatorPage.getByRole("link", { name: `${device.assetTag} valideren` }).click();
  await expect(validatorPage.getByRole("heading", { level: 1 })).toContainText("Dell Latitude 7490");
  await validatorContext.close();
});

test("coordinator: organizations, requests and proposals waiting, and a notification for a new request", async ({ page, request }) => {
  const coordinator = await createAccount("coordinator");
  const school = await createAccount("recipient");
  const filed = await request.post("/api/v1/requests", {
    headers: await bearer(request, school.email),
    data: {
      type: "laptop",
      quantity: 2,
      minRamGb: 4,
      minStorageGb: 128,
      keyboardLayout: "any",
      purpose: "Huiswerkklas",
      beneficiaries: 20,
      neededBy: inTwoMonths(),
    },
  });
  expect(filed.status()).toBe(201);
  const requestId = (await filed.json()).id as number;

  await signIn(page, coordinator);
  await page.goto("/");
  await expect(page.getByRole("link", { name: `Aanvraag #${requestId} van ${school.organization.name} wacht op beoordeling` })).toBeVisible();
  for (const heading of [/^Goed te keuren organisaties/, /^Te beoordelen aanvragen/, /^Te bevestigen voorstellen/, /^Langer dan 30 dagen aangeboden/]) {
    await expect(queue(page, heading)).toBeVisible();
  }
  // The demo's pending school and its listed devices of months ago.
  await expect(queue(page, /^Goed te keuren organisaties/)).toContainText("Atheneum Zuid");
  await expect(
    queue(page, /^Langer dan 30 dagen aangeboden/)
      .getByRole("link", { name: /openen$/ })
      .first(),
  ).toBeVisible();
  await axeAtBothWidths(page);
});

test("coordinator: confirm a proposal from the queue in one click", async ({ page, request }) => {
  const coordinator = await createAccount("coordinator");
  const school = await createAccount("recipient");
  // At least one proposal: a listed laptop and an approved request it fits.
  await listedLaptop(request);
  const filed = await request.post("/api/v1/requests", {
    headers: await bearer(request, school.email),
    data: {
      type: "laptop",
      quantity: 1,
      minRamGb: 4,
      minStorageGb: 128,
      keyboardLayout: "any",
      purpose: "Huiswerk",
      beneficiaries: 5,
      neededBy: inTwoMonths(),
    },
  });
  const approved = await request.post(`/api/v1/requests/${(await filed.json()).id}/approve`, {
    headers: await bearer(request, coordinator.email),
    data: { priority: 50, priorityReason: "E2E" },
  });
  expect(approved.status()).toBe(200);
  await signIn(page, coordinator);
  await page.goto("/");
  const proposals = queue(page, /^Te bevestigen voorstellen/);
  const confirm = proposals.getByRole("button", { name: /bevestigen voor #\d+$/ }).first();
  const name = (await confirm.textContent()) ?? "";
  const [, assetTag, requestNumber] = /^(.+) bevestigen voor #(\d+)$/.exec(name) ?? [];
  await confirm.click();
  await expect(page.getByRole("status").filter({ hasText: `${assetTag} is gereserveerd voor aanvraag #${requestNumber}` })).toBeVisible();
});

test("department: its devices by state and what it must still do, the contact first", async ({ page, request }) => {
  const department = await createAccount("department");
  const device = await registeredLaptop(request, department);
  await signIn(page, department);
  await page.goto("/");
  const states = queue(page, "Uw toestellen per status");
  await expect(states.getByRole("link", { name: "Geregistreerd" })).toBeVisible();
  const toDo = queue(page, /^Nog te doen/);
  await expect(toDo.getByRole("link", { name: `${device.assetTag} openen` })).toBeVisible();
  await expect(toDo).toContainText("Vul het adres en de contactpersoon van uw dienst in");
  await axeAtBothWidths(page);

  await toDo.getByRole("link", { name: "Adres en contact invullen" }).click();
  await page.getByRole("textbox", { name: "Adres" }).fill("Kouter 7, 9000 Gent");
  await page.getByLabel("Contactpersoon (naam, telefoon of e-mail)").fill("Els, 09 266 00 00");
  await page.getByRole("button", { name: "Adres en contact opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "zijn opgeslagen" })).toBeVisible();
  await page.goto("/");
  await expect(queue(page, /^Nog te doen/)).not.toContainText("Vul het adres en de contactpersoon");
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("each staff home with work waiting passes axe at 390 and 1280 px", async ({ browser, request }) => {
    const department = await createAccount("department");
    await registeredLaptop(request, department);
    for (const [account, heading] of [
      [await createAccount("technician"), /^To collect/],
      [await createAccount("coordinator"), /^Requests to review/],
      [department, "Your devices by state"],
    ] as const) {
      const context = await browser.newContext({ locale: "en-GB" });
      const staffPage = await context.newPage();
      await signIn(staffPage, account);
      await staffPage.goto("/");
      await expect(queue(staffPage, heading)).toBeVisible();
      await axeAtBothWidths(staffPage);
      await context.close();
    }
  });
});
