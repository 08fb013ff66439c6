import { bearer, inTwoMonths, listedLaptop } from "./support/api";
import { expect, expectAccessible, signIn, test, unique } from "./support/fixtures";

test("start to end: a school's request is approved, matched, confirmed, handed over and verified", async ({ browser, request, newAccount }) => {
  // Five people's whole flow with an axe check on each page: past two minutes on a busy 2-core machine.
  test.setTimeout(240_000);
  // A listed laptop that fits (the demo has some too; this one keeps the test independent).
  await listedLaptop(request, { ramGb: 8, storageGb: 256 });
  const purpose = unique("Programmeerlessen voor het zesde leerjaar");

  // The school files a request.
  const schoolContext = await browser.newContext({ locale: "nl-BE" });
  const school = await schoolContext.newPage();
  const schoolAccount = await newAccount("recipient");
  const schoolName = schoolAccount.organization.name;
  await signIn(school, schoolAccount);
  await school.goto("/");
  await expectAccessible(school);
  await school.getByRole("link", { name: "Toestellen aanvragen" }).first().click();
  await expectAccessible(school);
  await school.getByLabel("Soort").selectOption({ label: "Laptop" });
  await school.getByLabel("Aantal toestellen").fill("1");
  await school.getByLabel("Minimaal geheugen (GB)").fill("8");
  await school.getByLabel("Minimale opslag (GB)").fill("256");
  await school.getByLabel("Toetsenbordindeling").selectOption("AZERTY-BE");
  await school.getByLabel("Aantal gebruikers").fill("24");
  await school.getByLabel("Nodig tegen").fill(inTwoMonths());
  await school.getByLabel("Doel").fill(purpose);
  await school.getByLabel("Aantal leerlingen zonder toestel thuis").fill("60");
  await school.getByLabel("Aandeel leerlingen met een schooltoelage of kansarmoede-indicator (%)").fill("100");
  await school.getByRole("button", { name: "Aanvraag versturen" }).click();
  const filed = school.getByText(/Aanvraag #\d+ is verstuurd\./);
  await expect(filed).toBeVisible();
  const requestId = ((await filed.textContent()) ?? "").match(/#(\d+)/)?.[1] ?? "";
  await expect(school.getByText(purpose)).toBeVisible();
  await expectAccessible(school);

  // The coordinator approves it with a priority, runs matching and confirms the proposal.
  const coordinatorContext = await browser.newContext({ locale: "nl-BE" });
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, await newAccount("coordinator"));
  await coordinator.goto("/requests");
  await expect(coordinator.getByRole("heading", { name: "Puntenschaal voor de prioriteit" })).toBeVisible();
  await expectAccessible(coordinator);
  // The puntenschaal computed 90 from the school's answers; the coordinator approves with it.
  await expect(coordinator.getByLabel(`Prioriteit voor aanvraag #${requestId} (0–100)`)).toHaveValue("90");
  await coordinator.getByRole("button", { name: `Aanvraag #${requestId} goedkeuren` }).click();
  await expect(coordinator.getByText(`Aanvraag #${requestId} is goedgekeurd.`)).toBeVisible();

  await coordinator.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Koppelen" }).click();
  await expectAccessible(coordinator);
  await coordinator.getByRole("button", { name: "Voorstellen berekenen" }).click();
  const confirm = coordinator.getByRole("button", { name: new RegExp(`bevestigen voor aanvraag #${requestId}$`) });
  await expect(confirm).toBeVisible();
  await expect(coordinator.getByText(/prioriteit \d+ van 100/).first()).toBeVisible();
  await expectAccessible(coordinator);
  const assetTag = ((await confirm.textContent()) ?? "").replace(/ bevestigen voor aanvraag #\d+$/, "");
  await confirm.click();
  await expect(coordinator.getByText(`${assetTag} is gereserveerd voor aanvraag #${requestId}.`)).toBeVisible();
  await coordinatorContext.close();

  // The school sees that a device is reserved for it.
  await school.goto("/");
  await expect(school.getByText(new RegExp(`is gereserveerd voor aanvraag #${requestId}`))).toBeVisible();

  // A technician records the handover, signed by the school's representative.
  const technicianContext = await browser.newContext({ locale: "nl-BE" });
  const technician = await technicianContext.newPage();
  const technicianAccount = await newAccount("technician");
  await signIn(technician, technicianAccount);
  await technician.goto(`/devices?q=${encodeURIComponent(assetTag)}`);
  await technician.getByRole("link", { name: assetTag, exact: true }).click();
  await expect(technician.getByText(`Gereserveerd voor ${schoolName} (aanvraag #${requestId}).`)).toBeVisible();
  await expectAccessible(technician);
  await technician.getByLabel("Volledige naam van wie tekent").fill(schoolAccount.name);
  await technician.getByLabel(`Ik ontving dit toestel namens ${schoolName}`).check();
  await technician.getByRole("button", { name: "Overhandiging vastleggen" }).click();
  await expect(technician.getByText(`De overhandiging van ${assetTag} is vastgelegd.`)).toBeVisible();
  const publicPath = await technician.getByRole("link", { name: "Openbare controlepagina" }).getAttribute("href");
  await technicianContext.close();

  // The school sees the device as its own, and the request as fulfilled.
  await school.goto("/");
  await expect(school.getByText(`Geschiedenis van ${assetTag}`)).toBeVisible();
  await expect(school.getByText(new RegExp(`is overhandigd voor aanvraag #${requestId}`))).toBeVisible();
  await expectAccessible(school);
  await school.goto("/requests");
  await expect(school.getByRole("listitem").filter({ hasText: purpose })).toContainText("Geleverd");
  await schoolContext.close();

  // The public page shows the whole chain, from department to school. The engine may have matched a
  // demo laptop or another test's: the chain starts at whichever department registered the device.
  const registered = (await (await request.get(`/api/v1/verify/${publicPath!.split("/").at(-1)}`)).json()).events[0];
  expect(registered).toMatchObject({ type: "register", to: { kind: "organization" } });
  const visitor = await browser.newContext({ locale: "nl-BE" });
  const publicPage = await visitor.newPage();
  await publicPage.goto(publicPath!);
  const timeline = publicPage.getByRole("list").filter({ hasText: "Overhandigd" });
  await expect(timeline.getByRole("listitem")).toHaveCount(6);
  for (const step of ["Geregistreerd", "Opgehaald", "Wissing gecertificeerd", "Aangeboden", "Gereserveerd", "Overhandigd"])
    await expect(timeline).toContainText(step);
  await expect(timeline).toContainText(`${registered.to.name} → ICT-dienst`);
  await expect(timeline).toContainText(`ICT-dienst → ${schoolName}`);
  const text = await publicPage.locator("body").innerText();
  for (const personal of [schoolAccount.name, technicianAccount.name, "@"]) expect(text).not.toContain(personal);
  await expectAccessible(publicPage);
  await visitor.close();
});

test("20 simultaneous confirmations of one device: exactly one wins", async ({ request, newAccount }) => {
  const device = await listedLaptop(request);
  const school = await bearer(request, (await newAccount("recipient", { kind: "nonprofit" })).email);
  const coordinator = await bearer(request, (await newAccount("coordinator")).email);
  const filed = await request.post("/api/v1/requests", {
    headers: school,
    data: {
      type: "laptop",
      quantity: 20,
      minRamGb: 4,
      minStorageGb: 128,
      keyboardLayout: "any",
      purpose: "Digitale vaardigheden voor volwassenen",
      beneficiaries: 40,
      neededBy: inTwoMonths(),
    },
  });
  const { id: requestId } = await filed.json();
  expect((await request.post(`/api/v1/requests/${requestId}/approve`, { headers: coordinator, data: { priority: 50 } })).status()).toBe(200);

  const attempts = await Promise.all(
    Array.from({ length: 20 }, () => request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId } })),
  );
  const statuses = attempts.map((response) => response.status());
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  const loser = attempts.find((response) => response.status() === 409)!;
  expect((await loser.json()).error.code).toBe("device_not_listed");
  const requests = await (await request.get("/api/v1/requests?status=approved", { headers: school })).json();
  expect(requests.items.find((item: { id: number }) => item.id === requestId)).toMatchObject({ reserved: 1, fulfilled: 0 });
});

test("a nonprofit sees its reserved device waiting at the IT service and cannot sign for it before it is ready for pickup", async ({
  browser,
  request,
  newAccount,
}) => {
  const device = await listedLaptop(request, { ramGb: 16, storageGb: 512 });
  const nonprofitAccount = await newAccount("recipient", { kind: "nonprofit" });
  const nonprofit = await bearer(request, nonprofitAccount.email);
  const coordinator = await bearer(request, (await newAccount("coordinator")).email);
  const filed = await request.post("/api/v1/requests", {
    headers: nonprofit,
    data: {
      type: "laptop",
      quantity: 1,
      minRamGb: 16,
      minStorageGb: 512,
      keyboardLayout: "AZERTY-BE",
      purpose: unique("Computerklas"),
      beneficiaries: 12,
      neededBy: inTwoMonths(),
    },
  });
  expect(filed.status()).toBe(201);
  const { id: requestId, status } = await filed.json();
  expect(status).toBe("submitted");
  expect((await request.post(`/api/v1/requests/${requestId}/approve`, { headers: coordinator, data: { priority: 70 } })).status()).toBe(200);
  expect((await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId } })).status()).toBe(200);

  // Reserved is not ready: the nonprofit is told it will hear where and when, and cannot sign yet (e2e/pickup.spec.ts walks the pickup).
  const context = await browser.newContext({ locale: "nl-BE" });
  const page = await context.newPage();
  await signIn(page, nonprofitAccount);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Aanvraag #${requestId}` })).toBeVisible();
  await expect(page.getByText(`Voor u gereserveerd, nog bij de ICT-dienst`)).toBeVisible();
  await expect(page.getByRole("button", { name: /Tekenen voor/ })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();

  const early = await request.post(`/api/v1/devices/${device.id}/transitions`, {
    headers: nonprofit,
    data: { action: "handover", signedBy: "Nina", pickupCode: "ACEFHJ" },
  });
  expect(early.status()).toBe(409);
  expect((await early.json()).error.code).toBe("not_ready_for_pickup");
  const custody = await (await request.get(`/api/v1/verify/${device.publicId}`)).json();
  expect(custody.device.status).toBe("reserved");
});
