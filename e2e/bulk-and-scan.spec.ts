// The device list's bulk actions (collect several, grade and list several, labels for a selection),
// scan to open (the header's box, by label URL and by asset tag), the staff link on a label's public
// page, and the device list on a 390 px phone: cards with the status, the filters folded.
import type { APIRequestContext, Page } from "@playwright/test";
import { createAccount, type Account } from "./support/accounts";
import { expect, expectAccessible, test, unique } from "./support/fixtures";

type CreatedDevice = { id: number; publicId: string; assetTag: string; media: { id: number }[] };

async function tokenFor(request: APIRequestContext, account: Account): Promise<{ Authorization: string }> {
  const response = await request.post("/api/v1/tokens", { data: { email: account.email, password: account.password } });
  expect(response.status(), `token for ${account.email}`).toBe(201);
  return { Authorization: `Bearer ${(await response.json()).token}` };
}

/** Devices of one fresh department, their tags sharing a prefix the list can be searched for. */
async function registerDevices(request: APIRequestContext, count: number, prefix: string): Promise<CreatedDevice[]> {
  const headers = await tokenFor(request, await createAccount("department"));
  const devices: CreatedDevice[] = [];
  for (let index = 1; index <= count; index += 1) {
    const response = await request.post("/api/v1/devices", {
      headers,
      data: {
        assetTag: `${prefix}-${index}`,
        serial: unique("SN-BULK"),
        manufacturer: "HP",
        model: "EliteBook 840",
        type: "laptop",
        ramGb: 8,
        storageGb: 256,
        keyboardLayout: "AZERTY-BE",
        media: [{ serial: unique("SSD-BULK"), kind: "SSD", capacityGb: 256 }],
      },
    });
    expect(response.status()).toBe(201);
    devices.push(await response.json());
  }
  return devices;
}

async function transition(request: APIRequestContext, headers: { Authorization: string }, deviceId: number, data: Record<string, unknown>) {
  const response = await request.post(`/api/v1/devices/${deviceId}/transitions`, { headers, data });
  expect(response.status(), `${String(data.action)} of device ${deviceId}`).toBe(200);
}

/** Collected, wiped by one technician, validated by another and certified: ready to be graded and listed. */
async function certify(request: APIRequestContext, device: CreatedDevice) {
  const first = await tokenFor(request, await createAccount("technician"));
  const second = await tokenFor(request, await createAccount("technician"));
  await transition(request, first, device.id, { action: "collect" });
  const wipe = await request.post(`/api/v1/devices/${device.id}/media/${device.media[0]!.id}/wipes`, {
    headers: first,
    data: { method: "purge", technique: "crypto-erase", tool: "hdparm", toolVersion: "9.65", verification: "full", result: "pass" },
  });
  expect(wipe.status()).toBe(201);
  expect((await request.post(`/api/v1/wipes/${(await wipe.json()).id}/validate`, { headers: second })).status()).toBe(200);
  await transition(request, first, device.id, { action: "certify" });
}

async function custodyTypes(request: APIRequestContext, headers: { Authorization: string }, deviceId: number): Promise<string[]> {
  const response = await request.get(`/api/v1/devices/${deviceId}/custody`, { headers });
  expect(response.status()).toBe(200);
  return ((await response.json()).events as { type: string }[]).map((event) => event.type);
}

const row = (page: Page, assetTag: string) => page.getByTestId("device-row").filter({ has: page.getByRole("link", { name: assetTag, exact: true }) });

test("a technician collects three devices at once: one collect event each", async ({ page, request, signedInAs }) => {
  const prefix = unique("BULKC");
  const devices = await registerDevices(request, 3, prefix);
  const technician = await signedInAs("technician");
  await page.goto(`/devices?q=${prefix}`);
  await expect(page.getByTestId("device-row")).toHaveCount(3);
  await expectAccessible(page);

  await page.getByLabel("Alle toestellen op deze pagina selecteren").check();
  for (const device of devices) await expect(page.getByLabel(`${device.assetTag} selecteren`)).toBeChecked();
  await expect(page.getByText("3 toestellen geselecteerd")).toBeVisible();
  await page.getByRole("button", { name: "Geselecteerde ophalen" }).click();

  await expect(page.getByText(/^Opgehaald \(3\): /)).toBeVisible();
  for (const device of devices) await expect(row(page, device.assetTag).getByText("Opgehaald", { exact: true })).toBeVisible();
  await expectAccessible(page);
  const headers = await tokenFor(request, technician);
  for (const device of devices) expect(await custodyTypes(request, headers, device.id)).toEqual(["register", "collect"]);
});

test("a bulk action reports each refused device and goes through for the others", async ({ page, request, signedInAs }) => {
  const prefix = unique("BULKP");
  const [fresh, alreadyCollected] = await registerDevices(request, 2, prefix);
  const technician = await signedInAs("technician");
  const headers = await tokenFor(request, technician);
  await transition(request, headers, alreadyCollected!.id, { action: "collect" });

  await page.goto(`/devices?q=${prefix}`);
  await page.getByLabel(`${fresh!.assetTag} selecteren`).check();
  await page.getByLabel(`${alreadyCollected!.assetTag} selecteren`).check();
  await page.getByRole("button", { name: "Geselecteerde ophalen" }).click();

  const result = page.getByRole("alert").filter({ hasText: "Resultaat van de actie" });
  await expect(result).toContainText("1 toestel opgehaald; 1 geweigerd.");
  await expect(result).toContainText(`${alreadyCollected!.assetTag} geweigerd: de status is „Opgehaald”.`);
  await expect(page.getByLabel(`${alreadyCollected!.assetTag} selecteren`)).toBeChecked();
  await expect(page.getByLabel(`${fresh!.assetTag} selecteren`)).not.toBeChecked();
  await expectAccessible(page);
  expect(await custodyTypes(request, headers, alreadyCollected!.id)).toEqual(["register", "collect"]);
  expect(await custodyTypes(request, headers, fresh!.id)).toEqual(["register", "collect"]);

  // Nothing selected: said so, nothing done.
  await page.goto(`/devices?q=${prefix}`);
  await page.getByRole("button", { name: "Geselecteerde ophalen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Selecteer minstens één toestel." })).toBeVisible();
});

test("a technician grades and lists several certified devices with one grade", async ({ page, request, signedInAs }) => {
  const prefix = unique("BULKL");
  const devices = await registerDevices(request, 3, prefix);
  for (const device of devices.slice(0, 2)) await certify(request, device);
  const technician = await signedInAs("technician");
  await page.goto(`/devices?q=${prefix}`);
  await page.getByLabel("Alle toestellen op deze pagina selecteren").check();

  // Without a grade: asked for one.
  await page.getByRole("button", { name: "Geselecteerde beoordelen en aanbieden" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kies de graad voor de geselecteerde toestellen." })).toBeVisible();

  await page.getByLabel("Alle toestellen op deze pagina selecteren").check();
  await page.getByLabel("Graad", { exact: true }).selectOption({ label: "A — als nieuw" });
  await page.getByRole("button", { name: "Geselecteerde beoordelen en aanbieden" }).click();
  const result = page.getByRole("alert").filter({ hasText: "Resultaat van de actie" });
  await expect(result).toContainText("2 toestellen aangeboden met graad A; 1 geweigerd.");
  await expect(result).toContainText(`${devices[2]!.assetTag} geweigerd: de status is „Geregistreerd”.`);
  for (const device of devices.slice(0, 2)) await expect(row(page, device.assetTag).getByText("Aangeboden", { exact: true })).toBeVisible();
  await expectAccessible(page);

  const headers = await tokenFor(request, technician);
  for (const device of devices.slice(0, 2)) {
    expect((await custodyTypes(request, headers, device.id)).filter((type) => type === "list")).toHaveLength(1);
    const detail = await request.get(`/api/v1/devices/${device.id}`, { headers });
    expect((await detail.json()).conditionGrade).toBe("A");
  }
});

test("labels for a selection: a PDF of the chosen devices", async ({ page, request, signedInAs }) => {
  const prefix = unique("BULKQ");
  const devices = await registerDevices(request, 3, prefix);
  await signedInAs("technician");
  await page.goto(`/devices?q=${prefix}`);
  await page.getByLabel(`${devices[0]!.assetTag} selecteren`).check();
  await page.getByLabel(`${devices[2]!.assetTag} selecteren`).check();
  const pdf = page.waitForResponse((response) => new URL(response.url()).pathname === "/devices/labels.pdf");
  await page.getByRole("button", { name: "Labels afdrukken voor de geselecteerde toestellen" }).click();
  const response = await pdf;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(new URL(response.url()).searchParams.getAll("ids").sort()).toEqual([String(devices[0]!.id), String(devices[2]!.id)].sort());
});

test("scan to open: by label URL, by asset tag, unknown; the staff link on the public page", async ({ page, request, signedInAs, baseURL }) => {
  const prefix = unique("SCAN");
  const [device] = await registerDevices(request, 1, prefix);
  await signedInAs("technician");
  await page.goto("/");
  const box = page.getByRole("search", { name: "Toestel openen" });

  // The label's absolute URL, as a scanner types it (with its Enter).
  await box.getByLabel("Inventaris- of serienr. of labellink").fill(`${baseURL}/verify/${device!.publicId}`);
  await box.getByLabel("Inventaris- of serienr. of labellink").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/devices/${device!.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("HP EliteBook 840");

  // The asset tag, in small letters with spaces around it.
  await page.goto(`/scan?q=${encodeURIComponent(`  ${device!.assetTag.toLowerCase()} `)}`);
  await expect(page).toHaveURL(new RegExp(`/devices/${device!.id}$`));

  // Unknown: the page says so and offers the list's search.
  await box.getByLabel("Inventaris- of serienr. of labellink").fill(`${prefix}-NONE`);
  await box.getByRole("button", { name: "Openen" }).click();
  await expect(page.getByText(`Geen toestel gevonden voor „${prefix}-NONE”.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Zoek ernaar in de lijst van toestellen" })).toHaveAttribute("href", `/devices?q=${prefix}-NONE`);
  await expectAccessible(page);

  // The public page, opened by a phone's camera app: staff get a link to the device's own page.
  await page.goto(`/verify/${device!.publicId}`);
  await page.getByRole("link", { name: `U werkt met het register: open de medewerkerspagina van ${device!.assetTag}` }).click();
  await expect(page).toHaveURL(new RegExp(`/devices/${device!.id}$`));

  // A visitor without an account sees no such link, and no scan box.
  const visitor = await page.context().browser()!.newContext({ locale: "nl-BE" });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/verify/${device!.publicId}`);
  await expect(publicPage.getByRole("heading", { level: 1, name: "Controle van een toestel" })).toBeVisible();
  await expect(publicPage.getByRole("link", { name: /medewerkerspagina/ })).toHaveCount(0);
  await expect(publicPage.getByRole("search")).toHaveCount(0);
  await visitor.close();
});

test("a recipient has no scan box and cannot use /scan", async ({ page, signedInAs }) => {
  await signedInAs("recipient");
  await page.goto("/");
  await expect(page.getByRole("search")).toHaveCount(0);
  const response = await page.goto("/scan?q=anything");
  expect(response?.status()).toBe(403);
});

for (const width of [390, 1280]) {
  test(`the device list and the scan page at ${width} px, in Dutch and English`, async ({ page, request, signedInAs }) => {
    await page.setViewportSize({ width, height: 844 });
    const prefix = unique("MOBILE");
    const devices = await registerDevices(request, 3, prefix);
    await signedInAs("technician");
    await page.goto(`/devices?q=${prefix}`);
    const firstRow = page.getByTestId("device-row").first();
    await expect(firstRow).toBeVisible();
    await expect(firstRow.getByText("Geregistreerd", { exact: true })).toBeVisible();
    if (width === 390) {
      // The filters are folded; the first card, status included, is on the first screen; nothing scrolls sideways.
      await expect(page.getByText("Filters (1 actief)")).toBeVisible();
      await expect(page.getByLabel("Zoek op inventarisnummer, serienummer of model")).toBeHidden();
      const box = await firstRow.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      const statusBox = await firstRow.getByText("Geregistreerd", { exact: true }).boundingBox();
      expect(statusBox!.x + statusBox!.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByText("Filters (1 actief)").click();
      await expect(page.getByLabel("Zoek op inventarisnummer, serienummer of model")).toBeVisible();
    } else {
      await expect(page.getByRole("columnheader", { name: "Status" })).toBeVisible();
      await expect(page.getByLabel("Zoek op inventarisnummer, serienummer of model")).toBeVisible();
    }
    await page.getByLabel(`${devices[0]!.assetTag} selecteren`).check();
    await expectAccessible(page);
    await page.goto("/scan?q=nothing-like-this");
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto(`/devices?q=${prefix}`);
    await expect(page.getByTestId("device-row").first().getByText("Registered", { exact: true })).toBeVisible();
    await page.getByLabel(`Select ${devices[1]!.assetTag}`).check();
    await expect(page.getByText("1 device selected")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/scan?q=nothing-like-this");
    await expect(page.getByText("No device found for “nothing-like-this”.")).toBeVisible();
    await expectAccessible(page);
  });
}
