// Pickup and handover: a technician sets a school's reserved devices ready for pickup (place and time
// window, defaults from the IT service), the school is told where and when (in the app and by e-mail)
// and cannot sign before; at the counter the school types the pickup code (a wrong one is refused), and
// the handover receipt (PDF) lists the devices. A technician records a handover with the typed name, for
// two devices of one request at once. The new views pass axe in Dutch and English at 390 and 1280 px.
import { writeFileSync } from "node:fs";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { bearer, inTwoMonths, listedLaptop, test } from "./support/api";
import { createAccount, emailsTo, type Account } from "./support/accounts";
import { expect, expectAccessible, signIn, unique } from "./support/fixtures";
import { pdfText } from "./support/pdf-text";

type Headers = { Authorization: string };

/** A school's request for `devices.length` laptops, approved and matched to these devices by a coordinator. */
async function reservedFor(request: APIRequestContext, school: Headers, devices: { id: number }[]): Promise<number> {
  const coordinator = await bearer(request, (await createAccount("coordinator")).email);
  const filed = await request.post("/api/v1/requests", {
    headers: school,
    data: {
      type: "laptop",
      quantity: devices.length,
      minRamGb: 8,
      minStorageGb: 256,
      keyboardLayout: "AZERTY-BE",
      purpose: unique("Huiswerkklas"),
      beneficiaries: 20,
      neededBy: inTwoMonths(),
    },
  });
  expect(filed.status()).toBe(201);
  const requestId: number = (await filed.json()).id;
  expect((await request.post(`/api/v1/requests/${requestId}/approve`, { headers: coordinator, data: { priority: 60 } })).status()).toBe(200);
  for (const device of devices) {
    expect((await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId } })).status()).toBe(200);
  }
  return requestId;
}

async function pageFor(browser: Browser, account: Account): Promise<Page> {
  const page = await (await browser.newContext({ locale: "nl-BE" })).newPage();
  await signIn(page, account);
  return page;
}

/** Axe in both languages at a phone's and a desktop's width, back in Dutch afterwards. */
async function accessibleEverywhere(page: Page): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "English" }).click();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a technician sets a reserved laptop ready; the school hears where and when, cannot sign before, signs with the code and gets the receipt", async ({
  browser,
  request,
}) => {
  // Eight axe checks (two languages, two widths, two views) on a shared machine.
  test.setTimeout(300_000);
  const device = await listedLaptop(request);
  const schoolAccount = await createAccount("recipient");
  const school = await bearer(request, schoolAccount.email);
  const requestId = await reservedFor(request, school, [device]);

  // Reserved, still on the shelf: the school is told it will hear where and when, and may not sign.
  const schoolPage = await pageFor(browser, schoolAccount);
  await schoolPage.goto("/");
  await expect(schoolPage.getByText("Voor u gereserveerd, nog bij de ICT-dienst")).toBeVisible();
  await expect(schoolPage.getByLabel(`Afhaalcode voor aanvraag #${requestId}`)).toHaveCount(0);
  const early = await request.post(`/api/v1/devices/${device.id}/transitions`, {
    headers: school,
    data: { action: "handover", signedBy: schoolAccount.name, pickupCode: "ACEFHJ" },
  });
  expect(early.status()).toBe(409);
  expect((await early.json()).error.code).toBe("not_ready_for_pickup");

  // The technician puts it out for pickup: the IT service's address and hours are offered.
  const technicianPage = await pageFor(browser, await createAccount("technician"));
  await technicianPage.goto(`/devices/${device.id}`);
  const prepare = technicianPage.getByRole("region", { name: "Klaarzetten om af te halen" });
  await expect(prepare).toBeVisible();
  const location = technicianPage.getByLabel("Afhaalplaats");
  await expect(location).not.toHaveValue("");
  await expect(location).toHaveValue(/Maandag tot vrijdag/);
  await accessibleEverywhere(technicianPage);
  await technicianPage.screenshot({ path: test.info().outputPath("pickup-form.png"), fullPage: true });
  // An end before the start is refused next to the field.
  const from = await technicianPage.getByLabel("Afhalen vanaf").inputValue();
  await technicianPage.getByLabel("Afhalen tot").fill(from.replace(/T.*/, "T00:00"));
  await technicianPage.getByRole("button", { name: "Klaarzetten om af te halen" }).click();
  await expect(technicianPage.getByText("Het einde van de afhaaltijd moet na het begin liggen.")).toBeVisible();
  const until = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await technicianPage.getByLabel("Afhalen tot").fill(`${until}T16:00`);
  await technicianPage.getByRole("button", { name: "Klaarzetten om af te halen" }).click();
  await expect(technicianPage.getByText(/Klaar om af te halen: de ontvanger hoort waar en wanneer/)).toBeVisible();
  const code = (await technicianPage.getByTestId("pickup-code").innerText()).trim();
  expect(code).toMatch(/^[ACEFHJKMNPRTWXY3479]{6}$/);
  await expectAccessible(technicianPage);
  await technicianPage.screenshot({ path: test.info().outputPath("pickup-ready-technician.png"), fullPage: true });

  // The school is told in the app and by e-mail, in Dutch, where and when (never the code).
  const mail = emailsTo(schoolAccount.email).find((email) => email.subject.includes("klaar om af te halen"));
  expect(mail?.body).toContain("Maandag tot vrijdag");
  expect(mail?.body).toContain(device.assetTag);
  expect(mail?.body).not.toContain(code);
  await schoolPage.goto("/");
  await expect(schoolPage.getByText(`Aanvraag #${requestId}: klaar om af te halen`)).toBeVisible();
  await expect(schoolPage.getByText(`Klaar om af te halen: Lenovo ThinkPad L13 (${device.assetTag})`)).toBeVisible();
  await accessibleEverywhere(schoolPage);
  await schoolPage.setViewportSize({ width: 390, height: 900 });
  await schoolPage.screenshot({ path: test.info().outputPath("pickup-recipient-390.png"), fullPage: true });
  await schoolPage.setViewportSize({ width: 1280, height: 900 });

  // A wrong code is refused next to the field; the right one hands the laptop over.
  const codeField = schoolPage.getByLabel(`Afhaalcode voor aanvraag #${requestId}`);
  await codeField.fill(code === "AAAAAA" ? "CCCCCC" : "AAAAAA");
  await schoolPage.getByRole("button", { name: "Tekenen voor het toestel" }).click();
  await expect(schoolPage.getByText("Dit is niet de afhaalcode.", { exact: false })).toBeVisible();
  await expectAccessible(schoolPage);
  await schoolPage.getByLabel(`Afhaalcode voor aanvraag #${requestId}`).fill(code.toLowerCase());
  await schoolPage.getByRole("button", { name: "Tekenen voor het toestel" }).click();
  await expect(schoolPage.getByText(`U tekende voor ${device.assetTag} (aanvraag #${requestId}).`)).toBeVisible();
  await expect(schoolPage.getByText(`Geschiedenis van ${device.assetTag}`)).toBeVisible();
  const custody = await (await request.get(`/api/v1/verify/${device.publicId}`)).json();
  expect(custody.device.status).toBe("deployed");
  expect(custody.events.at(-1)).toMatchObject({ type: "handover", actorRole: "recipient" });

  // The receipt: linked on the home page, a PDF naming the laptop, its serial and certificate and the signer.
  const receiptLink = schoolPage.getByRole("link", { name: `Overhandigingsbewijs, aanvraag #${requestId} (pdf)` });
  await expect(receiptLink).toBeVisible();
  await schoolPage.screenshot({ path: test.info().outputPath("pickup-recipient-after.png"), fullPage: true });
  const receipt = await schoolPage.request.get(`/requests/${requestId}/receipt.pdf`);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
  const receiptBytes = await receipt.body();
  const text = (await pdfText(new Uint8Array(receiptBytes))).text.replace(/\s+/g, " ");
  expect(text).toContain("Overhandigingsbewijs");
  // pdf.js splits long words at their hyphen ("SN- 123"); join them before reading codes.
  const joined = text.replace(/- /g, "-");
  expect(joined).toContain(device.assetTag);
  expect(joined).toMatch(/Serienummer SN-\S+/);
  expect(text).toMatch(/WC-\d{4}-\d+/);
  expect(text).toContain(schoolAccount.name);
  expect(text).toContain(schoolAccount.organization.name);
  writeFileSync(test.info().outputPath("receipt.pdf"), receiptBytes);

  // The technician sees the receipt on the device page too; another school may not open it.
  await technicianPage.goto(`/devices/${device.id}`);
  await expect(technicianPage.getByRole("link", { name: `Overhandigingsbewijs, aanvraag #${requestId} (pdf)` })).toBeVisible();
  const stranger = await pageFor(browser, await createAccount("recipient"));
  expect((await stranger.request.get(`/requests/${requestId}/receipt.pdf`)).status()).toBe(403);
});

test("a technician hands two laptops of one request over at the counter with the recipient's typed name", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const devices = [await listedLaptop(request), await listedLaptop(request)];
  const schoolAccount = await createAccount("recipient", { kind: "nonprofit" });
  const requestId = await reservedFor(request, await bearer(request, schoolAccount.email), devices);
  const [first, second] = devices as [(typeof devices)[number], (typeof devices)[number]];

  const technicianPage = await pageFor(browser, await createAccount("technician"));
  await technicianPage.goto(`/devices/${first.id}`);
  // Both of the request's devices are offered, ticked, in one action.
  const devicesOfRequest = technicianPage.getByRole("group", { name: `Toestellen van aanvraag #${requestId} die klaar liggen` });
  await expect(devicesOfRequest.getByRole("checkbox")).toHaveCount(2);
  await technicianPage.getByRole("button", { name: "2 toestellen klaarzetten om af te halen" }).click();
  await expect(technicianPage.getByTestId("pickup-code")).toBeVisible();

  const alsoHandOver = technicianPage.getByRole("group", { name: "Ook overhandigen (zelfde aanvraag)" });
  await expect(alsoHandOver.getByLabel(new RegExp(`ThinkPad L13 \\(${second.assetTag}\\)`))).toBeChecked();
  await technicianPage.getByLabel("Volledige naam van wie tekent").fill("Nina Vandamme");
  await technicianPage.getByLabel(/Ik ontving dit toestel namens/).check();
  await technicianPage.getByRole("button", { name: "Overhandiging vastleggen" }).click();
  await expect(technicianPage.getByText(`2 toestellen zijn overhandigd, waaronder ${first.assetTag}.`)).toBeVisible();
  await expectAccessible(technicianPage);

  for (const device of devices) {
    const view = await (await request.get(`/api/v1/verify/${device.publicId}`)).json();
    expect(view.device.status).toBe("deployed");
    expect(view.events.filter((event: { type: string }) => event.type === "handover")).toHaveLength(1);
  }
  const receipt = await technicianPage.request.get(`/requests/${requestId}/receipt.pdf`);
  expect(receipt.status()).toBe(200);
  const text = (await pdfText(new Uint8Array(await receipt.body()))).text.replace(/\s+/g, " ");
  // A long test tag may wrap in its column (the PDF's text then holds a space after its hyphen).
  const unwrapped = text.replace(/- /g, "-");
  for (const device of devices) expect(unwrapped).toContain(device.assetTag);
  expect(text).toContain("Nina Vandamme");
});
