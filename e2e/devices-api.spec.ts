import type { APIRequestContext } from "@playwright/test";
import { test } from "./support/api";
import { expect, unique } from "./support/fixtures";

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post("/api/v1/tokens", { data: { email, password: "circuit-demo" } });
  expect(response.status()).toBe(201);
  return (await response.json()).token;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function laptop(overrides: Record<string, unknown> = {}) {
  const serial = unique("API-SN");
  return {
    assetTag: unique("API").slice(0, 40),
    serial,
    manufacturer: "Lenovo",
    model: "ThinkPad X280",
    type: "laptop",
    ramGb: 8,
    storageGb: 256,
    screenInches: 12.5,
    keyboardLayout: "AZERTY-BE",
    purchaseDate: "2019-05-01",
    purchasePriceCents: 99900,
    weightKg: 1.3,
    media: [
      { serial: `${serial}-1`, kind: "SSD", capacityGb: 256 },
      { serial: `${serial}-2`, kind: "HDD", capacityGb: 500 },
    ],
    ...overrides,
  };
}

test.describe("the devices API", () => {
  test("register, read, collect, recycle and follow the custody chain", async ({ request, newAccount }) => {
    const people = [await newAccount("department"), await newAccount("technician"), await newAccount("coordinator")] as const;
    const department = await tokenFor(request, people[0].email);
    const technician = await tokenFor(request, people[1].email);
    const coordinator = await tokenFor(request, people[2].email);

    const created = await request.post("/api/v1/devices", { headers: bearer(department), data: laptop() });
    expect(created.status()).toBe(201);
    const device = await created.json();
    expect(device).toMatchObject({
      id: expect.any(Number),
      publicId: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      status: "registered",
      departmentId: expect.any(Number),
    });
    expect(device.media).toHaveLength(2);
    expect(device.media[0]).toMatchObject({ id: expect.any(Number), kind: "SSD", capacityGb: 256 });
    expect(device.publicId).not.toBe(String(device.id));

    const read = await request.get(`/api/v1/devices/${device.id}`, { headers: bearer(technician) });
    expect(read.status()).toBe(200);
    expect((await read.json()).assetTag).toBe(device.assetTag);

    const listed = await request.get(`/api/v1/devices?q=${encodeURIComponent(device.assetTag)}&status=registered&type=laptop&page=1&pageSize=10`, {
      headers: bearer(coordinator),
    });
    expect(listed.status()).toBe(200);
    const list = await listed.json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(device.id);

    const byDepartment = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: bearer(department), data: { action: "collect" } });
    expect(byDepartment.status()).toBe(403);

    const collected = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: bearer(technician), data: { action: "collect" } });
    expect(collected.status()).toBe(200);
    expect(await collected.json()).toMatchObject({ status: "collected", holder: { kind: "organization" } });

    const again = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: bearer(technician), data: { action: "collect" } });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.code).toBe("invalid_state");

    const certify = await request.post(`/api/v1/devices/${device.id}/transitions`, { headers: bearer(technician), data: { action: "certify" } });
    expect(certify.status()).toBe(409);

    // The recycler is chosen from the coordinator's list by id; a typed name is not taken.
    const recyclers = await request.get("/api/v1/recyclers", { headers: bearer(technician) });
    expect(recyclers.status()).toBe(200);
    const recycler = (await recyclers.json()).items.find((item: { name: string }) => item.name === "EcoCirkel Elektro BV");
    expect(recycler).toEqual({ id: expect.any(Number), name: "EcoCirkel Elektro BV", accreditationNumber: "RECUPEL-VL-2231" });
    expect((await request.get("/api/v1/recyclers", { headers: bearer(department) })).status()).toBe(403);

    const recycle = (body: Record<string, unknown>) =>
      request.post(`/api/v1/devices/${device.id}/transitions`, { headers: bearer(coordinator), data: { action: "recycle", ...body } });
    const fieldsOf = async (response: Awaited<ReturnType<typeof recycle>>) => {
      expect(response.status()).toBe(422);
      return (await response.json()).error.fields;
    };
    expect(await fieldsOf(await recycle({ recyclerId: recycler.id }))).toHaveProperty("certificateNumber");
    expect(await fieldsOf(await recycle({ recycler: "Galloo Recycling", certificateNumber: "R2V3-1234" }))).toHaveProperty("recyclerId");
    expect(await fieldsOf(await recycle({ recyclerId: "EcoCirkel", certificateNumber: "R2V3-1234" }))).toHaveProperty("recyclerId");
    expect(await fieldsOf(await recycle({ recyclerId: recycler.id, certificateNumber: "R2V3\n1234" }))).toEqual({
      certificateNumber: ["Use letters, digits and punctuation on one line: no line breaks or control characters."],
    });
    // An unknown id, or an organization that is not a recycler (the device's own department), is a field error on recyclerId.
    for (const recyclerId of [2_000_000_000, device.departmentId]) {
      expect(await fieldsOf(await recycle({ recyclerId, certificateNumber: "R2V3-1234" }))).toEqual({ recyclerId: ["Choose a recycler from the list."] });
    }
    expect((await request.get(`/api/v1/devices/${device.id}`, { headers: bearer(coordinator) }).then((response) => response.json())).status).toBe("collected");

    const recycled = await recycle({ recyclerId: recycler.id, recyclerCertificateNumber: " ECE-000042 " });
    expect(recycled.status()).toBe(200);
    expect(await recycled.json()).toMatchObject({
      status: "recycled",
      holder: { kind: "organization", organizationId: recycler.id },
      holderLabel: "EcoCirkel Elektro BV",
    });

    const custody = await request.get(`/api/v1/devices/${device.id}/custody`, { headers: bearer(technician) });
    expect(custody.status()).toBe(200);
    const { events, headHash } = await custody.json();
    expect(events.map((event: { type: string }) => event.type)).toEqual(["register", "collect", "recycle"]);
    for (const event of events) {
      expect(event).toEqual({
        seq: expect.any(Number),
        type: expect.any(String),
        from: event.type === "register" ? null : expect.objectContaining({ kind: "organization" }),
        to: expect.objectContaining({ kind: expect.any(String) }),
        fromStatus: event.type === "register" ? null : expect.any(String),
        toStatus: expect.any(String),
        actor: expect.any(String),
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        details: expect.any(Object),
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        ...(event.type === "recycle" ? { recycler } : {}),
      });
    }
    // The event holds the recycler's id (hashed); the recycler as it is now comes along beside it.
    expect(events[2].details).toEqual({ recyclerId: recycler.id, certificateNumber: "ECE-000042" });
    expect(events[2].to).toEqual({ kind: "organization", organizationId: recycler.id });
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);

    const publicView = await request.get(`/api/v1/verify/${device.publicId}`);
    expect(publicView.status()).toBe(200);
    const verification = await publicView.json();
    expect(verification.device).toMatchObject({ type: "laptop", model: "ThinkPad X280", status: "recycled" });
    expect(verification.events).toHaveLength(3);
    expect(verification.events[2]).toMatchObject({
      to: { kind: "organization", name: "EcoCirkel Elektro BV" },
      details: { recycler: "EcoCirkel Elektro BV", recyclerAccreditation: "RECUPEL-VL-2231", certificateNumber: "ECE-000042" },
    });
    expect(verification.deviceChainIntact).toBe(true);
    const text = JSON.stringify(verification);
    for (const personal of ["@demo.city", ...people.map((person) => person.name)]) expect(text).not.toContain(personal);
    for (const event of verification.events) expect(event).not.toHaveProperty("actor");
  });

  test("401 without a token, 403 for the wrong role, 404 for unknown ids", async ({ request, newAccount }) => {
    expect((await request.get("/api/v1/devices")).status()).toBe(401);
    expect((await request.post("/api/v1/devices", { data: laptop() })).status()).toBe(401);
    expect((await request.get("/api/v1/devices/1")).status()).toBe(401);
    expect((await request.get("/api/v1/devices/1/custody")).status()).toBe(401);
    expect((await request.post("/api/v1/devices/1/transitions", { data: { action: "collect" } })).status()).toBe(401);

    const school = await tokenFor(request, (await newAccount("recipient")).email);
    expect((await request.get("/api/v1/devices", { headers: bearer(school) })).status()).toBe(403);
    expect((await request.post("/api/v1/devices", { headers: bearer(school), data: laptop() })).status()).toBe(403);
    const technician = await tokenFor(request, (await newAccount("technician")).email);
    expect((await request.post("/api/v1/devices", { headers: bearer(technician), data: laptop() })).status()).toBe(403);

    expect((await request.get("/api/v1/devices/999999", { headers: bearer(technician) })).status()).toBe(404);
    expect((await request.get("/api/v1/verify/unknown-label")).status()).toBe(404);
  });

  test("department staff see only their own department's devices", async ({ request, newAccount }) => {
    const department = await tokenFor(request, (await newAccount("department")).email);
    const otherDepartment = await tokenFor(request, (await newAccount("department")).email);
    const created = await request.post("/api/v1/devices", { headers: bearer(department), data: laptop() });
    const device = await created.json();
    expect((await request.get(`/api/v1/devices/${device.id}`, { headers: bearer(otherDepartment) })).status()).toBe(403);
    const list = await (await request.get(`/api/v1/devices?pageSize=200`, { headers: bearer(otherDepartment) })).json();
    expect(list.items.every((item: { departmentId: number }) => item.departmentId !== device.departmentId)).toBe(true);
    const foreign = await request.post("/api/v1/devices", { headers: bearer(department), data: laptop({ departmentId: device.departmentId + 1000 }) });
    expect(foreign.status()).toBe(403);
  });

  test("422 with field errors for bad input, 409 for duplicates", async ({ request, newAccount }) => {
    const department = await tokenFor(request, (await newAccount("department")).email);
    const bad = await request.post("/api/v1/devices", {
      headers: bearer(department),
      data: laptop({ type: "toaster", assetTag: "", media: [{ serial: "x", kind: "floppy", capacityGb: -1 }] }),
    });
    expect(bad.status()).toBe(422);
    const fields = (await bad.json()).error.fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["type", "assetTag", "media.0.kind", "media.0.capacityGb"]));

    const notJson = await request.post("/api/v1/devices", {
      headers: { ...bearer(department), "Content-Type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(notJson.status()).toBe(400);

    const first = laptop();
    expect((await request.post("/api/v1/devices", { headers: bearer(department), data: first })).status()).toBe(201);
    const duplicate = await request.post("/api/v1/devices", { headers: bearer(department), data: laptop({ assetTag: first.assetTag }) });
    expect(duplicate.status()).toBe(409);
    expect(Object.keys((await duplicate.json()).error.fields)).toEqual(["assetTag"]);

    const technician = await tokenFor(request, (await newAccount("technician")).email);
    const unknownAction = await request.post("/api/v1/devices/1/transitions", { headers: bearer(technician), data: { action: "teleport" } });
    expect(unknownAction.status()).toBe(422);
  });
});
