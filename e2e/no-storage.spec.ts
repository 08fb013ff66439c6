// A laptop, desktop, tablet or phone registered without storage media is not certified on that alone:
// one technician records "no storage present", a second validates it (two-person rule), and the
// certificate prints the record. A device with media cannot get such a record.
import type { APIRequestContext, Browser } from "@playwright/test";
import { bearer, test } from "./support/api";
import { pdfText } from "./support/pdf-text";
import { expect, expectAccessible, signIn, unique, type Account } from "./support/fixtures";

/** A device of this type registered by its department with these media, and collected by the technician. */
async function collectedDevice(
  request: APIRequestContext,
  people: { department: Account; technician: Account },
  device: { type: "laptop" | "phone" | "monitor"; media: { serial: string; kind: "SSD"; capacityGb: number }[] },
) {
  const created = await request.post("/api/v1/devices", {
    headers: await bearer(request, people.department.email),
    data: { assetTag: unique("NOSTORE").slice(0, 40), serial: unique("SN"), manufacturer: "Lenovo", model: "ThinkPad X13", ...device },
  });
  expect(created.status()).toBe(201);
  const registered = await created.json();
  const collected = await request.post(`/api/v1/devices/${registered.id}/transitions`, {
    headers: await bearer(request, people.technician.email),
    data: { action: "collect" },
  });
  expect(collected.status()).toBe(200);
  return registered as { id: number; assetTag: string; media: { id: number }[] };
}

async function pageAs(browser: Browser, account: Account) {
  const context = await browser.newContext({ locale: "nl-BE" });
  const page = await context.newPage();
  await signIn(page, account);
  return { context, page };
}

test("one technician records that a laptop holds no storage, a second validates, the laptop certifies and the certificate says so", async ({
  browser,
  request,
  newAccount,
}) => {
  test.setTimeout(90_000);
  const [department, tech1, tech2] = [await newAccount("department"), await newAccount("technician"), await newAccount("technician")];
  const device = await collectedDevice(request, { department, technician: tech1 }, { type: "laptop", media: [] });
  const devicePath = `/devices/${device.id}`;

  // The first technician sees why the laptop cannot be certified yet, and records what was checked.
  const first = await pageAs(browser, tech1);
  await first.page.goto(devicePath);
  await expect(first.page.getByText("Voor dit toestel zijn geen opslagmedia geregistreerd.", { exact: false })).toBeVisible();
  await expect(first.page.getByRole("button", { name: "Wissing certificeren" })).toBeDisabled();
  await expect(first.page.getByText("Nog niet klaar om te certificeren.", { exact: false })).toContainText("geen opslag aanwezig");
  await expectAccessible(first.page);
  await first.page.getByLabel("Wat werd nagekeken (niet verplicht)").fill("M.2-slot en schijfvak leeg, geen eMMC op het moederbord");
  await first.page.getByRole("button", { name: "Vastleggen: geen opslag aanwezig" }).click();
  await expect(first.page.getByText("Vastgelegd: geen opslag aanwezig. Een tweede technicus valideert dat.")).toBeVisible();
  const record = first.page.getByRole("region", { name: "Geen opslag aanwezig" });
  await expect(record).toContainText(`Nagekeken door ${tech1.name}`);
  await expect(record).toContainText("wacht op validatie door een tweede technicus");
  // Whoever recorded it is not offered to validate it, and the laptop still cannot be certified.
  await expect(first.page.getByRole("button", { name: "Valideren: geen opslag aanwezig" })).toHaveCount(0);
  await expect(first.page.getByRole("button", { name: "Wissing certificeren" })).toBeDisabled();
  await expectAccessible(first.page);
  await first.context.close();

  // The second technician validates and certifies.
  const second = await pageAs(browser, tech2);
  await second.page.goto(devicePath);
  await second.page.getByRole("button", { name: "Valideren: geen opslag aanwezig" }).click();
  await expect(second.page.getByText("De vaststelling ‘geen opslag aanwezig’ is gevalideerd.")).toBeVisible();
  await expect(second.page.getByRole("region", { name: "Geen opslag aanwezig" })).toContainText(`gevalideerd door ${tech2.name}`);
  await second.page.getByRole("button", { name: "Wissing certificeren" }).click();
  await expect(second.page.getByText(`De wissing van ${device.assetTag} is gecertificeerd.`)).toBeVisible();
  await expectAccessible(second.page);

  const pdfResponse = await second.page.request.get(`${devicePath}/certificate.pdf`);
  expect(pdfResponse.status()).toBe(200);
  const text = (await pdfText(new Uint8Array(await pdfResponse.body()))).text.replace(/\s+/g, " ");
  expect(text).toContain(`Geen opslag aanwezig — nagekeken door ${tech1.name} op`);
  expect(text).toContain(`gevalideerd door ${tech2.name} op`);
  expect(text).toContain("M.2-slot en schijfvak leeg, geen eMMC op het moederbord");
  await second.context.close();
});

test("the API: a laptop with media: [] and no record is refused certification; the record, the two-person rule and the certificate JSON", async ({
  request,
  newAccount,
}) => {
  const [department, first, second] = [await newAccount("department"), await newAccount("technician"), await newAccount("technician")];
  const tech1 = await bearer(request, first.email);
  const tech2 = await bearer(request, second.email);
  const device = await collectedDevice(request, { department, technician: first }, { type: "laptop", media: [] });
  const certify = () => request.post(`/api/v1/devices/${device.id}/transitions`, { headers: tech1, data: { action: "certify" } });

  const refused = await certify();
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("storage_not_accounted_for");

  expect((await request.post(`/api/v1/devices/${device.id}/storage-absence`, { headers: await bearer(request, department.email), data: {} })).status()).toBe(
    403,
  );
  const recorded = await request.post(`/api/v1/devices/${device.id}/storage-absence`, { headers: tech1, data: { notes: "No flash on the board" } });
  expect(recorded.status()).toBe(201);
  const record = await recorded.json();
  expect(record).toMatchObject({ deviceId: device.id, notes: "No flash on the board", recordedBy: { name: first.name }, validatedBy: null });
  const again = await request.post(`/api/v1/devices/${device.id}/storage-absence`, { headers: tech2, data: {} });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe("storage_absence_recorded");
  expect((await certify()).status()).toBe(409);

  const own = await request.post(`/api/v1/storage-absences/${record.id}/validate`, { headers: tech1 });
  expect(own.status()).toBe(403);
  expect((await own.json()).error.code).toBe("same_person");
  const validated = await request.post(`/api/v1/storage-absences/${record.id}/validate`, { headers: tech2 });
  expect(validated.status()).toBe(200);
  expect((await validated.json()).validatedBy).toMatchObject({ name: second.name });
  expect((await request.post(`/api/v1/storage-absences/${record.id}/validate`, { headers: tech2 })).status()).toBe(409);

  expect((await certify()).status()).toBe(200);
  const certificate = await (await request.get(`/api/v1/devices/${device.id}/certificate`, { headers: tech1 })).json();
  expect(certificate.records).toEqual([]);
  expect(certificate.attempts).toEqual([]);
  expect(certificate.storageAbsence).toMatchObject({
    id: record.id,
    notes: "No flash on the board",
    recordedBy: { name: first.name },
    validatedBy: { name: second.name },
  });
});

test("a device with storage media cannot get a no-storage record; a monitor without media certifies as before", async ({ request, newAccount }) => {
  const [department, technician] = [await newAccount("department"), await newAccount("technician")];
  const tech = await bearer(request, technician.email);
  const laptop = await collectedDevice(
    request,
    { department, technician },
    { type: "laptop", media: [{ serial: unique("SSD"), kind: "SSD", capacityGb: 256 }] },
  );
  const withMedia = await request.post(`/api/v1/devices/${laptop.id}/storage-absence`, { headers: tech, data: {} });
  expect(withMedia.status()).toBe(409);
  expect((await withMedia.json()).error.code).toBe("device_has_media");

  const monitor = await collectedDevice(request, { department, technician }, { type: "monitor", media: [] });
  expect((await request.post(`/api/v1/devices/${monitor.id}/transitions`, { headers: tech, data: { action: "certify" } })).status()).toBe(200);
});
