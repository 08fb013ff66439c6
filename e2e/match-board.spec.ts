// The match board tells the truth: "Compute proposals", a dismissed proposal is computed again without
// its pair (the freed device goes to the next request), reasons come from the result, a fitting
// device can be chosen by hand, several proposals are confirmed at once; and the request form asks
// the priority rubric's questions, whose priority the coordinator sees when approving.
import type { APIRequestContext, Page } from "@playwright/test";
import { bearer, documentedRequests, inTwoMonths } from "./support/api";
import { createAccount } from "./support/accounts";
import { expect, expectAccessible, signIn, test, unique } from "./support/fixtures";

/**
 * Monitors hold no storage, so they are certified as they are. A screen size no other test (or an
 * earlier run on the same database) uses keeps these devices and requests among themselves on the
 * shared board.
 */
const SCREEN = 40 + Math.floor(Math.random() * 60);

async function listedMonitor(request: APIRequestContext): Promise<{ id: number; assetTag: string }> {
  const registrar = await createAccount("department");
  const technician = await createAccount("technician");
  const created = await request.post("/api/v1/devices", {
    headers: await bearer(request, registrar.email),
    data: {
      assetTag: unique("MON").slice(0, 40),
      serial: unique("SN"),
      manufacturer: "Iiyama",
      model: "ProLite",
      type: "monitor",
      screenInches: SCREEN,
      media: [],
    },
  });
  expect(created.status()).toBe(201);
  const device = await created.json();
  const headers = await bearer(request, technician.email);
  for (const data of [{ action: "collect" }, { action: "certify" }, { action: "list", grade: "A" }]) {
    const response = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers, data });
    expect(response.status(), `${data.action} of ${device.assetTag}`).toBe(200);
  }
  return { id: device.id, assetTag: device.assetTag };
}

/** A school's request for `quantity` 43″ monitors, approved through the API with this priority. */
async function approvedMonitorRequest(request: APIRequestContext, coordinatorEmail: string, priority: number, quantity = 1): Promise<number> {
  const school = await createAccount("recipient");
  const filed = await request.post("/api/v1/requests", {
    headers: await bearer(request, school.email),
    data: { type: "monitor", quantity, minScreenInches: SCREEN, purpose: "Screens for the library", beneficiaries: 20, neededBy: inTwoMonths() },
  });
  expect(filed.status()).toBe(201);
  const { id } = await filed.json();
  const approved = await request.post(`/api/v1/requests/${id}/approve`, { headers: await bearer(request, coordinatorEmail), data: { priority } });
  expect(approved.status()).toBe(200);
  return id;
}

/** The unserved-request item on the board for this request (case matters: the dismissed list says "aanvraag #…"). */
const unservedFor = (page: Page, requestId: number) => page.getByRole("listitem").filter({ hasText: new RegExp(`^Aanvraag #${requestId} \\(`) });

/** The proposal item on the board for this request. */
const proposalFor = (page: Page, requestId: number) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`→ aanvraag #${requestId} `) }) });

test("compute, dismiss and compute again without the pair, choose by hand, confirm several", async ({ page, request, newAccount }) => {
  test.setTimeout(180_000);
  const coordinator = await newAccount("coordinator");
  const monitor = await listedMonitor(request);
  const urgent = await approvedMonitorRequest(request, coordinator.email, 90);
  const later = await approvedMonitorRequest(request, coordinator.email, 40);
  await signIn(page, coordinator);

  await page.goto("/matching");
  await page.getByRole("button", { name: "Voorstellen berekenen" }).click();
  // One monitor, two requests: the higher need gets it, and the other is told where it went and why.
  await expect(proposalFor(page, urgent).getByRole("heading")).toContainText(monitor.assetTag);
  await expect(proposalFor(page, urgent)).toContainText("prioriteit 90 van 100");
  await expect(proposalFor(page, urgent)).toContainText(/wacht 0 dagen/);
  await expect(proposalFor(page, later)).toHaveCount(0);
  const unserved = unservedFor(page, later);
  await expect(unserved).toContainText(`de passende toestellen zijn voorgesteld voor aanvraag #${urgent} (daar een hogere score)`);
  await expect(page.getByText(/Score \d/)).toHaveCount(0);
  await expectAccessible(page);

  // Dismissed: computed again without the pair, so the freed monitor goes to the next request.
  await page.getByRole("link", { name: `${monitor.assetTag} afwijzen voor aanvraag #${urgent}` }).click();
  await expect(proposalFor(page, later).getByRole("heading")).toContainText(monitor.assetTag);
  await expect(proposalFor(page, urgent)).toHaveCount(0);
  await expect(unservedFor(page, urgent)).toContainText("elk passend toestel werd afgewezen voor deze aanvraag");
  await expect(page.getByRole("link", { name: `${monitor.assetTag} opnieuw voorstellen voor aanvraag #${urgent}` })).toBeVisible();
  await expectAccessible(page);

  // Chosen by hand for the urgent request after all: the select offers only fitting devices.
  const choice = page.getByLabel(new RegExp(`^Toestel voor aanvraag #${urgent} `));
  await expect(choice.getByRole("option", { name: new RegExp(monitor.assetTag) })).toHaveText(new RegExp(`voorgesteld voor aanvraag #${later}`));
  await choice.selectOption({ label: (await choice.getByRole("option", { name: new RegExp(monitor.assetTag) }).textContent()) ?? "" });
  const form = page.locator("form").filter({ has: choice });
  await form.getByLabel("Reden (niet verplicht)").fill("De school vroeg dit scherm voor de leesklas");
  await form.getByRole("button", { name: `Reserveren voor aanvraag #${urgent}` }).click();
  await expect(page.getByText(`${monitor.assetTag} is gereserveerd voor aanvraag #${urgent} (zelf gekozen).`)).toBeVisible();
  const reserved = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: monitor.assetTag, exact: true }) });
  await expect(reserved).toContainText("zelf gekozen");
  await expect(reserved).toContainText("De school vroeg dit scherm voor de leesklas");
  // The later request is now without a device, and the board says so from the result.
  await expect(unservedFor(page, later)).toContainText("geen aangeboden toestel");

  // The device page says it was a manual choice.
  await page.getByRole("link", { name: monitor.assetTag, exact: true }).click();
  await expect(page.getByText("Zelf gekozen door de coördinator: De school vroeg dit scherm voor de leesklas")).toBeVisible();

  // Several at once: two more monitors, a second request for two; select both proposals and confirm.
  const [second, third] = [await listedMonitor(request), await listedMonitor(request)];
  const pair = await approvedMonitorRequest(request, coordinator.email, 20, 2);
  await page.goto("/matching?run=1");
  const mine = [later, pair].map((id) => proposalFor(page, id));
  await expect(mine[0]!).toHaveCount(1);
  await expect(mine[1]!).toHaveCount(1);
  const tags = [second.assetTag, third.assetTag];
  for (const tag of tags) await page.getByRole("checkbox", { name: new RegExp(`^${tag} `) }).check();
  await page.getByRole("button", { name: "Geselecteerde voorstellen bevestigen" }).click();
  await expect(page.getByText("Geselecteerde voorstellen: 2 bevestigd, 0 geweigerd.")).toBeVisible();
  for (const tag of tags) await expect(page.getByText(new RegExp(`^${tag} gereserveerd voor aanvraag #(${later}|${pair})\\.$`))).toBeVisible();
  await expectAccessible(page);
  for (const { id } of [second, third]) {
    const custody = await request.get(`/api/v1/devices/${id}/custody`, { headers: await bearer(request, coordinator.email) });
    const { events }: { events: { type: string }[] } = await custody.json();
    expect(events.filter((event) => event.type === "reserve")).toHaveLength(1);
  }
});

test("a school answers the puntenschaal; the coordinator sees the computed priority, and changing it needs a reason", async ({ browser, newAccount }) => {
  test.setTimeout(120_000);
  const schoolContext = await browser.newContext({ locale: "nl-BE" });
  const school = await schoolContext.newPage();
  await signIn(school, await newAccount("recipient"));
  await school.goto("/requests/new");
  await expect(school.getByRole("group", { name: "Puntenschaal voor de prioriteit" })).toBeVisible();
  await school.getByLabel("Soort").selectOption({ label: "Laptop" });
  await school.getByLabel("Aantal toestellen").fill("2");
  await school.getByLabel("Aantal gebruikers").fill("24");
  await school.getByLabel("Nodig tegen").fill(inTwoMonths());
  await school.getByLabel("Doel").fill(unique("Leesklas"));
  await school.getByLabel("Aantal leerlingen zonder toestel thuis").fill("30");
  await school.getByLabel("Aandeel leerlingen met een schooltoelage of kansarmoede-indicator (%)").fill("60");
  await expect(school.getByText("Prioriteit volgens de puntenschaal: 60 van 100")).toBeVisible();
  await expectAccessible(school);
  await school.getByRole("button", { name: "Aanvraag versturen" }).click();
  const filed = school.getByText(/Aanvraag #\d+ is verstuurd\./);
  await expect(filed).toBeVisible();
  const requestId = ((await filed.textContent()) ?? "").match(/#(\d+)/)?.[1] ?? "";
  await expect(school.getByText("prioriteit volgens de puntenschaal 60 van 100").first()).toBeVisible();
  await schoolContext.close();

  const coordinatorContext = await browser.newContext({ locale: "nl-BE" });
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, await newAccount("coordinator"));
  await coordinator.goto("/requests");
  await expect(coordinator.getByRole("heading", { name: "Puntenschaal voor de prioriteit" })).toBeVisible();
  const card = coordinator.getByRole("listitem").filter({ has: coordinator.getByRole("heading", { name: new RegExp(`^Aanvraag #${requestId}:`) }) });
  await expect(card).toContainText("30 leerlingen zonder toestel thuis · 60 % met een schooltoelage of kansarmoede-indicator");
  const priority = card.getByLabel(`Prioriteit voor aanvraag #${requestId} (0–100)`);
  await expect(priority).toHaveValue("60");
  await priority.fill("75");
  await card.getByRole("button", { name: `Aanvraag #${requestId} goedkeuren` }).click();
  await expect(card.getByText("Geef een reden voor een andere prioriteit dan die van de puntenschaal.")).toBeVisible();
  await card.getByLabel(`Reden voor een andere prioriteit dan die van de puntenschaal (aanvraag #${requestId})`).fill("Twee klassen delen één laptop");
  await card.getByRole("button", { name: `Aanvraag #${requestId} goedkeuren` }).click();
  await expect(coordinator.getByText(`Aanvraag #${requestId} is goedgekeurd.`)).toBeVisible();
  await expect(card).toContainText("Goedgekeurd met prioriteit 75: Twee klassen delen één laptop");
  await expectAccessible(coordinator);
  await coordinatorContext.close();
});

test("the API takes the rubric's answers as optional fields and answers with the computed priority", async ({ request }) => {
  const api = documentedRequests(request);
  const nonprofit = await createAccount("recipient", { kind: "nonprofit" });
  const headers = await bearer(api, nonprofit.email);
  const body = { type: "laptop", quantity: 2, purpose: "Computerles voor nieuwkomers", beneficiaries: 12, neededBy: inTwoMonths() };
  const answered = await api.post("/api/v1/requests", { headers, data: { ...body, peopleServed: 30, vulnerable: true } });
  expect(answered.status()).toBe(201);
  expect(await answered.json()).toMatchObject({
    rubricAnswers: { kind: "nonprofit", peopleServed: 30, vulnerable: true },
    rubricPriority: 80,
    priorityReason: null,
  });
  // An old body without answers stays valid; the coordinator then sets the priority by hand.
  const old = await api.post("/api/v1/requests", { headers, data: body });
  expect(old.status()).toBe(201);
  expect(await old.json()).toMatchObject({ rubricAnswers: null, rubricPriority: null });
});

for (const locale of ["nl-BE", "en-GB"]) {
  for (const width of [390, 1280]) {
    test(`the board and the request form are accessible in ${locale} at ${width} px`, async ({ browser, newAccount }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page, await newAccount("coordinator"));
      await page.goto("/matching?run=1");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: locale === "nl-BE" ? "Voorstellen berekenen" : "Compute proposals" })).toBeVisible();
      await expectAccessible(page);
      const schoolContext = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const form = await schoolContext.newPage();
      await signIn(form, await newAccount("recipient", { kind: "nonprofit" }));
      await form.goto("/requests/new");
      await form.getByLabel(locale === "nl-BE" ? "Aantal mensen dat uw organisatie helpt" : "Number of people your organization serves").fill("12");
      await form.getByLabel(locale === "nl-BE" ? /De meesten van hen zijn in een kwetsbare situatie/ : /Most of them are in a vulnerable situation/).check();
      await expect(form.getByText(locale === "nl-BE" ? /Prioriteit volgens de puntenschaal: \d+ van 100/ : /Priority by the rubric: \d+ of 100/)).toBeVisible();
      await expectAccessible(form);
      await schoolContext.close();
      await context.close();
    });
  }
}
