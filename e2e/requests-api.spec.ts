import { bearer, inTwoMonths, listedLaptop, test } from "./support/api";
import { expect, unique } from "./support/fixtures";

const laptopRequest = (overrides: Record<string, unknown> = {}) => ({
  type: "laptop",
  quantity: 2,
  minRamGb: 8,
  minStorageGb: 256,
  keyboardLayout: "any",
  purpose: unique("Huiswerkklas"),
  beneficiaries: 30,
  neededBy: inTwoMonths(),
  ...overrides,
});

test("requests: filed, listed per requester, approved or rejected by a coordinator only", async ({ request, newAccount }) => {
  const schoolAccount = await newAccount("recipient");
  const school = await bearer(request, schoolAccount.email);
  const employee = await bearer(request, (await newAccount("employee")).email);
  const coordinator = await bearer(request, (await newAccount("coordinator")).email);
  const technician = await bearer(request, (await newAccount("technician")).email);

  const created = await request.post("/api/v1/requests", { headers: school, data: laptopRequest() });
  expect(created.status()).toBe(201);
  const filed = await created.json();
  expect(filed).toMatchObject({ id: expect.any(Number), status: "submitted", fulfilled: 0, priority: null });

  const tooMany = await request.post("/api/v1/requests", { headers: employee, data: laptopRequest({ quantity: 2 }) });
  expect(tooMany.status()).toBe(422);
  expect(Object.keys((await tooMany.json()).error.fields)).toEqual(["quantity"]);
  const none = await request.post("/api/v1/requests", { headers: school, data: laptopRequest({ quantity: 0 }) });
  expect(none.status()).toBe(422);
  const bad = await request.post("/api/v1/requests", { headers: school, data: { type: "spaceship", neededBy: "soon" } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(["type", "quantity", "purpose", "beneficiaries", "neededBy"]));
  expect((await request.post("/api/v1/requests", { headers: technician, data: laptopRequest() })).status()).toBe(403);
  expect((await request.post("/api/v1/requests", { data: laptopRequest() })).status()).toBe(401);
  const employeeOwn = await request.post("/api/v1/requests", { headers: employee, data: laptopRequest({ quantity: 1 }) });
  expect(employeeOwn.status()).toBe(201);

  const asSchool = await (await request.get("/api/v1/requests", { headers: school })).json();
  expect(asSchool.items.map((item: { id: number }) => item.id)).toContain(filed.id);
  expect(asSchool.items.every((item: { organization: { name: string } }) => item.organization.name === schoolAccount.organization.name)).toBe(true);
  const asEmployee = await (await request.get("/api/v1/requests", { headers: employee })).json();
  expect(asEmployee.items.map((item: { id: number }) => item.id)).not.toContain(filed.id);
  const asCoordinator = await (await request.get("/api/v1/requests?status=submitted", { headers: coordinator })).json();
  expect(asCoordinator.items.map((item: { id: number }) => item.id)).toContain(filed.id);
  expect(asCoordinator.total).toBe(asCoordinator.items.length);

  expect((await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: school, data: { priority: 90 } })).status()).toBe(403);
  expect((await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: coordinator, data: { priority: 101 } })).status()).toBe(422);
  const approved = await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: coordinator, data: { priority: 60 } });
  expect(approved.status()).toBe(200);
  expect(await approved.json()).toMatchObject({ status: "approved", priority: 60 });
  expect((await request.post(`/api/v1/requests/${filed.id}/reject`, { headers: coordinator, data: { reason: "late" } })).status()).toBe(409);

  const rejected = await request.post(`/api/v1/requests/${(await employeeOwn.json()).id}/reject`, {
    headers: coordinator,
    data: { reason: "Geen budget voor persoonlijke toestellen dit kwartaal" },
  });
  expect(rejected.status()).toBe(200);
  expect(await rejected.json()).toMatchObject({ status: "rejected", rejectionReason: "Geen budget voor persoonlijke toestellen dit kwartaal" });
  expect((await request.post("/api/v1/requests/999999/approve", { headers: coordinator, data: { priority: 1 } })).status()).toBe(404);
});

test("matching: run proposes and changes nothing; confirm, release, handover and return through the API", async ({ request, newAccount }) => {
  const device = await listedLaptop(request, { ramGb: 32, storageGb: 1024 });
  const school = await bearer(request, (await newAccount("recipient")).email);
  const coordinator = await bearer(request, (await newAccount("coordinator")).email);
  const technician = await bearer(request, (await newAccount("technician")).email);
  const filed = await (
    await request.post("/api/v1/requests", { headers: school, data: laptopRequest({ quantity: 1, minRamGb: 32, minStorageGb: 1024 }) })
  ).json();
  await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: coordinator, data: { priority: 100 } });

  expect((await request.post("/api/v1/matching/run", { headers: school })).status()).toBe(403);
  const run = await request.post("/api/v1/matching/run", { headers: coordinator });
  expect(run.status()).toBe(200);
  const { proposals, unserved } = await run.json();
  expect(Array.isArray(unserved)).toBe(true);
  const ours = proposals.find((proposal: { requestId: number }) => proposal.requestId === filed.id);
  expect(ours).toMatchObject({ deviceId: device.id, score: expect.any(Number), explanation: expect.objectContaining({ total: ours?.score }) });
  expect((await (await request.get(`/api/v1/devices/${device.id}`, { headers: technician })).json()).status).toBe("listed");

  const confirmed = await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId: filed.id } });
  expect(confirmed.status()).toBe(200);
  expect((await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId: filed.id } })).status()).toBe(409);

  const noReason = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: technician, data: { action: "release" } });
  expect(noReason.status()).toBe(422);
  const released = await request.post(`/api/v1/devices/${device.id}/transitions`, {
    headers: technician,
    data: { action: "release", reason: "De school kon niet langskomen" },
  });
  expect(released.status()).toBe(200);
  expect((await released.json()).status).toBe("listed");

  expect((await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId: filed.id } })).status()).toBe(200);
  const handedOver = await request.post(`/api/v1/devices/${device.id}/transitions`, {
    headers: technician,
    data: { action: "handover", signedBy: "Lotte Janssens" },
  });
  expect(handedOver.status()).toBe(200);
  expect(await handedOver.json()).toMatchObject({ status: "deployed", holder: { kind: "organization" } });
  const afterHandover = (await (await request.get("/api/v1/requests", { headers: school })).json()).items.find((item: { id: number }) => item.id === filed.id);
  expect(afterHandover).toMatchObject({ status: "fulfilled", fulfilled: 1 });
  expect((await request.post("/api/v1/matching/confirm", { headers: coordinator, data: { deviceId: device.id, requestId: filed.id } })).status()).toBe(409);

  const custody = await (await request.get(`/api/v1/devices/${device.id}/custody`, { headers: technician })).json();
  const handoverEvent = custody.events.at(-1);
  expect(handoverEvent).toMatchObject({ type: "handover", details: { signatureId: expect.any(Number) } });
  expect(JSON.stringify(custody)).not.toContain("Lotte Janssens");

  const otherSchool = await bearer(request, (await newAccount("recipient", { kind: "nonprofit" })).email);
  expect((await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: otherSchool, data: { action: "return" } })).status()).toBe(403);
  const returned = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: school, data: { action: "return" } });
  expect(returned.status()).toBe(200);
  expect((await returned.json()).status).toBe("collected");
  const listAgain = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: technician, data: { action: "list", grade: "B" } });
  expect(listAgain.status()).toBe(409);
});
