// The catalogue ("Aanbod"): a school finds a group of listed devices with its count and the requests
// that wait for them, asks for one like it and files the prefilled request — with and without
// JavaScript. Reserved and not-yet-listed devices never appear; department staff and a pending
// school get no catalogue; visitors see only the counts per type. Every page passes axe in both
// languages at phone and desktop widths.
//
// The devices here have 2 GB of RAM and 32 GB of storage: no other spec asks for so little, so the
// waiting requests on their card are this spec's own and can be counted exactly.
import type { APIRequestContext, Page } from "@playwright/test";
import { bearer, inTwoMonths, test } from "./support/api";
import { createAccount, type Account } from "./support/accounts";
import { expect, expectAccessible, signIn, unique } from "./support/fixtures";

type Spec = { model: string; keyboardLayout: string; grade: "A" | "B" | "C"; screenInches: number };
type Headers = { Authorization: string };

const ramGb = 2;
const storageGb = 32;

/** Registers a laptop of `spec` and walks it to `until`: "wiped" (certified, not listed yet), "listed" or "reserved". */
async function laptop(request: APIRequestContext, spec: Spec, until: "wiped" | "listed", people: { department: Headers; tech1: Headers; tech2: Headers }) {
  const created = await request.post("/api/v1/devices", {
    headers: people.department,
    data: {
      assetTag: unique("CAT").slice(0, 40),
      serial: unique("SN-CAT"),
      manufacturer: "Fujitsu",
      model: spec.model,
      type: "laptop",
      ramGb,
      storageGb,
      screenInches: spec.screenInches,
      keyboardLayout: spec.keyboardLayout,
      batteryHealthPercent: 88,
      media: [{ serial: unique("EMMC"), kind: "eMMC", capacityGb: storageGb }],
    },
  });
  expect(created.status()).toBe(201);
  const device: { id: number; media: { id: number }[] } = await created.json();
  const step = async (data: Record<string, unknown>) => {
    expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: people.tech1, data })).status(), String(data.action)).toBe(200);
  };
  await step({ action: "collect" });
  const wipe = await request.post(`/api/v1/devices/${device.id}/media/${device.media[0]?.id}/wipes`, {
    headers: people.tech1,
    data: { method: "purge", technique: "crypto-erase", tool: "hdparm", toolVersion: "9.65", verification: "full", result: "pass" },
  });
  expect(wipe.status()).toBe(201);
  expect((await request.post(`/api/v1/wipes/${(await wipe.json()).id}/validate`, { headers: people.tech2 })).status()).toBe(200);
  await step({ action: "certify" });
  if (until === "listed") await step({ action: "list", grade: spec.grade });
  return device.id;
}

async function approvedRequest(request: APIRequestContext, school: Headers, coordinator: Headers, spec: Spec, quantity: number): Promise<number> {
  const filed = await request.post("/api/v1/requests", {
    headers: school,
    data: {
      type: "laptop",
      quantity,
      minRamGb: ramGb,
      minStorageGb: storageGb,
      keyboardLayout: spec.keyboardLayout,
      purpose: unique("Typlessen"),
      beneficiaries: 10,
      neededBy: inTwoMonths(),
    },
  });
  expect(filed.status()).toBe(201);
  const { id } = await filed.json();
  expect((await request.post(`/api/v1/requests/${id}/approve`, { headers: coordinator, data: { priority: 30 } })).status()).toBe(200);
  return id;
}

/**
 * Three listed laptops alike (one card), a fourth reserved for a request and a fifth certified but
 * not listed — the same model and specs, so they would be on the card if they showed — and two more
 * approved requests that wait for such a laptop.
 */
async function catalogueWithWaitingRequests(request: APIRequestContext, spec: Spec) {
  const people = {
    department: await bearer(request, (await createAccount("department")).email),
    tech1: await bearer(request, (await createAccount("technician")).email),
    tech2: await bearer(request, (await createAccount("technician")).email),
  };
  const coordinator = await bearer(request, (await createAccount("coordinator")).email);
  const otherSchool = await bearer(request, (await createAccount("recipient")).email);
  const listed = [];
  for (let index = 0; index < 3; index += 1) listed.push(await laptop(request, spec, "listed", people));
  const reserved = await laptop(request, spec, "listed", people);
  const reservation = await approvedRequest(request, otherSchool, coordinator, spec, 1);
  expect((await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: reserved, requestId: reservation } })).status()).toBe(200);
  const notListed = await laptop(request, spec, "wiped", people);
  await approvedRequest(request, otherSchool, coordinator, spec, 2);
  await approvedRequest(request, otherSchool, coordinator, spec, 1);
  return { listed, reserved, notListed };
}

function card(page: Page, model: string) {
  return page.getByRole("article", { name: `Fujitsu ${model}` });
}

async function fileThePrefilledRequest(page: Page, purpose: string) {
  await page.getByLabel("Aantal toestellen").fill("2");
  await page.getByLabel("Aantal gebruikers").fill("20");
  // The puntenschaal's questions: a school's or a nonprofit's.
  if ((await page.getByLabel("Aantal mensen dat uw organisatie helpt").count()) > 0) {
    await page.getByLabel("Aantal mensen dat uw organisatie helpt").fill("40");
  } else {
    await page.getByLabel("Aantal leerlingen zonder toestel thuis").fill("10");
    await page.getByLabel("Aandeel leerlingen met een schooltoelage of kansarmoede-indicator (%)").fill("40");
  }
  await page.getByLabel("Nodig tegen").fill(inTwoMonths());
  await page.getByLabel("Doel").fill(purpose);
  await page.getByRole("button", { name: "Aanvraag versturen" }).click();
  await expect(page.getByText(/Aanvraag #\d+ is verstuurd\./)).toBeVisible();
  await expect(page.getByText(purpose)).toBeVisible();
}

test("a school filters the catalogue, sees a group with its count and waiting requests, and asks for one like it", async ({ page, request, signedInAs }) => {
  // Five devices through the lifecycle over the API, then the pages: minutes when the machine is shared.
  test.setTimeout(240_000);
  const spec: Spec = { model: unique("Lifebook E5"), keyboardLayout: "QWERTZ-DE", grade: "A", screenInches: 11.6 };
  const devices = await catalogueWithWaitingRequests(request, spec);

  const school = await signedInAs("recipient");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Aanbod" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aanbod" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Soort").selectOption({ label: "Laptop" });
  await page.getByLabel("Toetsenbordindeling").selectOption("QWERTZ-DE");
  await page.getByLabel("Staat").selectOption({ label: "A — als nieuw" });
  await page.getByLabel("Sorteren").selectOption({ label: "Beste specificaties eerst" });
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page).toHaveURL(/[?&]type=laptop/);
  await expect(page).toHaveURL(/[?&]keyboardLayout=QWERTZ-DE/);
  await expect(page).toHaveURL(/[?&]grade=A/);
  await expect(page).toHaveURL(/[?&]sort=specs/);

  const group = card(page, spec.model);
  await expect(group).toBeVisible();
  await expect(group.getByText("3 toestellen", { exact: true })).toBeVisible();
  await expect(group.getByText("2 aanvragen wachten op toestellen zoals deze")).toBeVisible();
  await expect(group.getByText("Ziet eruit en werkt als nieuw.")).toBeVisible();
  await expect(group.getByText("88 % van de oorspronkelijke capaciteit")).toBeVisible();
  await expect(group.getByText(/zuiveren \(purge\), NIST SP 800-88/)).toHaveCount(3);
  // Nothing about the department, no serials.
  await expect(group).not.toContainText("Dienst E2E");
  await expect(group).not.toContainText("SN-CAT");
  await expectAccessible(page);

  // The same card through the API: the reserved and the unlisted device are not on it.
  const api = await request.get(`/api/v1/catalogue?type=laptop&keyboardLayout=qwertz-de&grade=A&minRamGb=${ramGb}`, {
    headers: await bearer(request, school.email),
  });
  expect(api.status()).toBe(200);
  const item = (await api.json()).items.find((candidate: { model: string }) => candidate.model === spec.model);
  expect(item).toMatchObject({ count: 3, deviceIds: devices.listed, waitingRequests: 2, photos: [], grade: "A", keyboardLayout: "QWERTZ-DE" });
  expect(item.deviceIds).not.toContain(devices.reserved);
  expect(item.deviceIds).not.toContain(devices.notListed);

  // Back button: the filters stay in the address and in the form.
  await group.getByRole("link", { name: /Vraag er zo een aan/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toestellen aanvragen" })).toBeVisible();
  await expect(page.getByLabel("Soort")).toHaveValue("laptop");
  await expect(page.getByLabel("Minimaal geheugen (GB)")).toHaveValue(String(ramGb));
  await expect(page.getByLabel("Minimale opslag (GB)")).toHaveValue(String(storageGb));
  await expect(page.getByLabel("Minimaal scherm (inch)")).toHaveValue(/^11[.,]6$/);
  await expect(page.getByLabel("Toetsenbordindeling")).toHaveValue("QWERTZ-DE");
  await expectAccessible(page);
  await page.goBack();
  await expect(page.getByLabel("Staat")).toHaveValue("A");
  await expect(card(page, spec.model)).toBeVisible();
  await page.goForward();

  await fileThePrefilledRequest(page, unique("Typlessen voor het vijfde leerjaar"));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filters, the card and the prefilled request work as plain links and forms", async ({ page, request, signedInAs }) => {
    // Five devices through the lifecycle over the API, then the pages: minutes when the machine is shared.
    test.setTimeout(240_000);
    const spec: Spec = { model: unique("Lifebook U7"), keyboardLayout: "QWERTY-UK", grade: "C", screenInches: 13.3 };
    await catalogueWithWaitingRequests(request, spec);
    await signedInAs("recipient", { kind: "nonprofit" });
    await page.goto("/catalogue");
    await page.getByLabel("Soort").selectOption("laptop");
    await page.getByLabel("Toetsenbordindeling").selectOption("QWERTY-UK");
    await page.getByLabel("Staat").selectOption("C");
    await page.getByRole("button", { name: "Tonen" }).click();
    await expect(page).toHaveURL(/[?&]keyboardLayout=QWERTY-UK/);
    const group = card(page, spec.model);
    await expect(group.getByText("3 toestellen", { exact: true })).toBeVisible();
    await expect(group.getByText("2 aanvragen wachten op toestellen zoals deze")).toBeVisible();
    await expect(group.getByText("Werkt volledig; duidelijke krassen, deuken of slijtage.")).toBeVisible();

    await group.getByRole("link", { name: /Vraag er zo een aan/ }).click();
    await expect(page.getByLabel("Soort")).toHaveValue("laptop");
    await expect(page.getByLabel("Minimaal geheugen (GB)")).toHaveValue(String(ramGb));
    await expect(page.getByLabel("Minimale opslag (GB)")).toHaveValue(String(storageGb));
    await expect(page.getByLabel("Minimaal scherm (inch)")).toHaveValue(/^13[.,]3$/);
    await expect(page.getByLabel("Toetsenbordindeling")).toHaveValue("QWERTY-UK");
    await fileThePrefilledRequest(page, unique("Computerles voor nieuwkomers"));
  });

  test("a filter that leaves nothing says what to do", async ({ page, signedInAs }) => {
    await signedInAs("recipient");
    await page.goto(`/catalogue?type=phone&minRamGb=4096&grade=parts`);
    await expect(page.getByText("Nu niets zoals dit. Verruim de filters, of dien een aanvraag in")).toBeVisible();
    await page.getByRole("link", { name: "Een aanvraag indienen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Toestellen aanvragen" })).toBeVisible();
  });
});

test("department staff and a member of a pending school get no catalogue: no navigation item, 403", async ({ browser }) => {
  for (const account of [await createAccount("department"), await createAccount("recipient", { organizationStatus: "pending" })]) {
    const context = await browser.newContext({ locale: "nl-BE" });
    const page = await context.newPage();
    await signIn(page, account);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Aanbod" })).toHaveCount(0);
    const response = await page.goto("/catalogue");
    expect(response?.status(), account.role).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(account.role === "department" ? "Niet toegestaan" : "Uw organisatie wacht op goedkeuring");
    await expect(page.getByRole("article")).toHaveCount(0);
    await context.close();
  }
});

test("a visitor sees how many devices of each type are on offer and how to register, without device details", async ({ page, request }) => {
  const spec: Spec = { model: unique("Lifebook A3"), keyboardLayout: "QWERTZ-DE", grade: "B", screenInches: 15.6 };
  const people = {
    department: await bearer(request, (await createAccount("department")).email),
    tech1: await bearer(request, (await createAccount("technician")).email),
    tech2: await bearer(request, (await createAccount("technician")).email),
  };
  await laptop(request, spec, "listed", people);
  await page.goto("/");
  const overview = page.getByRole("region", { name: "Nu in het aanbod" });
  await expect(overview.getByRole("list", { name: "Toestellen in het aanbod per soort" }).getByText(/^Laptop: \d+$/)).toBeVisible();
  await expect(overview).not.toContainText(spec.model);
  await overview.getByRole("link", { name: "Zo registreert u uw organisatie" }).click();
  await expect(page).toHaveURL(/\/register$/);
  expect((await page.goto("/catalogue"))?.url()).toMatch(/\/login\?redirectTo=%2Fcatalogue/);
});

for (const [locale, language] of [
  ["nl-BE", { heading: "Aanbod", overview: "Nu in het aanbod" }],
  ["en-GB", { heading: "On offer", overview: "On offer now" }],
] as const) {
  test.describe(`axe in ${locale}`, () => {
    test.use({ locale });

    test(`the catalogue, its empty state and the visitors' overview pass axe at 390 and 1280 px (${locale})`, async ({ page, browser }) => {
      test.setTimeout(180_000);
      const school: Account = await createAccount("recipient");
      await signIn(page, school);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/catalogue");
        await expect(page.getByRole("heading", { level: 1, name: language.heading })).toBeVisible();
        await expectAccessible(page);
        await page.goto("/catalogue?type=phone&minRamGb=4096");
        await expect(page.getByRole("heading", { level: 1, name: language.heading })).toBeVisible();
        await expectAccessible(page);
        const visitorContext = await browser.newContext({ locale, viewport: { width, height: 900 } });
        const visitor = await visitorContext.newPage();
        await visitor.goto("/");
        await expect(visitor.getByRole("heading", { name: language.overview })).toBeVisible();
        await expectAccessible(visitor);
        await visitorContext.close();
      }
    });
  });
}
