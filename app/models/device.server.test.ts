import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, devices, storageMedia, type DeviceType } from "~db/schema";
import { db, sqlite } from "~/db.server";
import type { LifecycleActor } from "~/domain/lifecycle";
import type { Role } from "~/domain/permissions";
import { listDeviceCustody, verifyLedger } from "./custody.server";
import {
  applyTransition,
  countDevicesByStatus,
  getDevice,
  getDeviceByPublicId,
  itServiceIdFor,
  listDevices,
  registerDevice,
  updateRegisteredDevice,
  type DeviceDetail,
  type DeviceInput,
  type DeviceMutationResult,
} from "./device.server";
import { insertOrganization } from "./organization.server";
import { insertUser } from "./user.server";
import { concurrentWriter, withTempTrigger } from "~/test/database";

const base = Date.UTC(2026, 10, 30, 9, 0, 0);
const minute = 60 * 1000;

let itServiceId: number;
let parksId: number;
let financeId: number;
let pendingSchoolId: number;

let coordinator: LifecycleActor;
let technician: LifecycleActor;
let parksStaff: LifecycleActor;
let financeStaff: LifecycleActor;
let recipient: LifecycleActor;

function actor(role: Role, organizationId: number, organizationStatus: "approved" | "pending" = "approved"): LifecycleActor {
  const userId = insertUser({
    email: `${role}-${organizationId}-${Math.random().toString(36).slice(2)}@demo.city`,
    name: `A ${role}`,
    role,
    organizationId,
    passwordHash: "x",
  });
  return { kind: "user", userId, role, organizationId, organizationStatus };
}

function userIdOf(who: LifecycleActor): string {
  if (who.kind !== "user") throw new Error("Expected a user actor");
  return who.userId;
}

beforeAll(() => {
  itServiceId = insertOrganization({ name: "IT service", kind: "it_service", status: "approved" });
  parksId = insertOrganization({ name: "Parks department", kind: "department", status: "approved" });
  financeId = insertOrganization({ name: "Finance department", kind: "department", status: "approved" });
  pendingSchoolId = insertOrganization({ name: "Pending school", kind: "school", status: "pending" });
  coordinator = actor("coordinator", itServiceId);
  technician = actor("technician", itServiceId);
  parksStaff = actor("department", parksId);
  financeStaff = actor("department", financeId);
  recipient = actor("recipient", pendingSchoolId, "pending");
});

let counter = 0;

function deviceInput(overrides: Partial<DeviceInput> = {}): DeviceInput {
  counter += 1;
  const n = String(counter).padStart(4, "0");
  return {
    assetTag: `CITY-${n}`,
    serial: `SN-${n}-XYZ`,
    manufacturer: "Dell",
    model: "Latitude 5490",
    type: "laptop",
    cpu: "Intel Core i5-8350U",
    ramGb: 8,
    storageGb: 256,
    keyboardLayout: "AZERTY-BE",
    media: [
      { serial: `DRV-${n}-A`, kind: "SSD", capacityGb: 256 },
      { serial: `DRV-${n}-B`, kind: "HDD", capacityGb: 500 },
    ],
    ...overrides,
  };
}

function expectOk(result: DeviceMutationResult): DeviceDetail {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.device;
}

function register(overrides: Partial<DeviceInput> = {}, options: { departmentId?: number; by?: LifecycleActor; now?: number } = {}): DeviceDetail {
  return expectOk(registerDevice(deviceInput(overrides), options.departmentId ?? parksId, options.by ?? parksStaff, options.now ?? base));
}

function collect(deviceId: number, now = base + minute): DeviceMutationResult {
  return applyTransition(deviceId, { action: "collect", itServiceId }, technician, now);
}

function eventCount(): number {
  return db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;
}

function deviceCount(): number {
  return db.select({ total: count() }).from(devices).get()?.total ?? 0;
}

function mediaCount(): number {
  return db.select({ total: count() }).from(storageMedia).get()?.total ?? 0;
}

describe("registerDevice", () => {
  test("creates the device with its department as holder, its media and exactly one custody event", () => {
    const eventsBefore = eventCount();
    const input = deviceInput();
    const device = expectOk(registerDevice(input, parksId, parksStaff, base));

    expect(device.status).toBe("registered");
    expect(device.departmentId).toBe(parksId);
    expect(device.departmentName).toBe("Parks department");
    expect(device.holder).toEqual({ kind: "organization", organizationId: parksId });
    expect(device.holderLabel).toBe("Parks department");
    expect(device.assetTag).toBe(input.assetTag);
    expect(device.createdAt.getTime()).toBe(base);
    expect(device.updatedAt.getTime()).toBe(base);

    expect(device.publicId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(device.publicId).not.toBe(String(device.id));
    expect(getDeviceByPublicId(device.publicId)?.id).toBe(device.id);

    expect(device.media).toHaveLength(2);
    expect(device.media.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual(input.media);

    const row = db.select().from(devices).where(eq(devices.id, device.id)).get();
    expect(row?.registeredById).toBe(userIdOf(parksStaff));

    expect(eventCount()).toBe(eventsBefore + 1);
    const events = listDeviceCustody(device.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      deviceId: device.id,
      type: "register",
      fromStatus: null,
      toStatus: "registered",
      fromHolder: null,
      toHolder: { kind: "organization", organizationId: parksId },
      actorId: userIdOf(parksStaff),
      at: base,
      details: {},
    });
  });

  test("every device gets its own public id", () => {
    const ids = Array.from({ length: 5 }, () => register().publicId);
    expect(new Set(ids).size).toBe(5);
  });

  test("trims what it stores", () => {
    const input = deviceInput();
    const device = register({ assetTag: `  ${input.assetTag}  `, serial: ` ${input.serial} `, manufacturer: " HP ", model: " EliteBook 840 " });
    expect(device).toMatchObject({ assetTag: input.assetTag, serial: input.serial, manufacturer: "HP", model: "EliteBook 840" });
  });

  test("department staff cannot register for another department, and nothing is written", () => {
    const [devicesBefore, eventsBefore] = [deviceCount(), eventCount()];
    expect(registerDevice(deviceInput(), financeId, parksStaff, base)).toEqual({ ok: false, reason: "not-own-department" });
    expect(registerDevice(deviceInput(), parksId, financeStaff, base)).toEqual({ ok: false, reason: "not-own-department" });
    expect(deviceCount()).toBe(devicesBefore);
    expect(eventCount()).toBe(eventsBefore);
  });

  test("a coordinator registers for any department", () => {
    const device = register({}, { departmentId: financeId, by: coordinator });
    expect(device.departmentId).toBe(financeId);
    expect(device.holder).toEqual({ kind: "organization", organizationId: financeId });
    expect(listDeviceCustody(device.id)[0]?.actorId).toBe(userIdOf(coordinator));
  });

  test("technicians and members of unapproved organizations may not register", () => {
    expect(registerDevice(deviceInput(), parksId, technician, base)).toEqual({ ok: false, reason: "forbidden" });
    expect(registerDevice(deviceInput(), parksId, recipient, base)).toEqual({ ok: false, reason: "forbidden" });
  });

  test("a taken asset tag or serial is a duplicate, naming the fields, and nothing is written", () => {
    const existing = register();
    const [devicesBefore, eventsBefore, mediaBefore] = [deviceCount(), eventCount(), mediaCount()];

    expect(registerDevice(deviceInput({ assetTag: existing.assetTag }), parksId, parksStaff, base)).toEqual({
      ok: false,
      reason: "duplicate",
      fields: ["assetTag"],
    });
    expect(registerDevice(deviceInput({ serial: existing.serial }), parksId, parksStaff, base)).toEqual({ ok: false, reason: "duplicate", fields: ["serial"] });
    expect(registerDevice(deviceInput({ assetTag: existing.assetTag, serial: existing.serial }), parksId, parksStaff, base)).toEqual({
      ok: false,
      reason: "duplicate",
      fields: ["assetTag", "serial"],
    });
    // Surrounding spaces do not make a tag new.
    expect(registerDevice(deviceInput({ assetTag: ` ${existing.assetTag} ` }), parksId, parksStaff, base)).toEqual({
      ok: false,
      reason: "duplicate",
      fields: ["assetTag"],
    });

    expect([deviceCount(), eventCount(), mediaCount()]).toEqual([devicesBefore, eventsBefore, mediaBefore]);
  });
});

describe("applyTransition", () => {
  test("a technician collects: the IT service holds it and the new event links to the one before", () => {
    const device = register();
    const [registered] = listDeviceCustody(device.id);
    const collected = expectOk(collect(device.id, base + 5 * minute));

    expect(collected.status).toBe("collected");
    expect(collected.holder).toEqual({ kind: "organization", organizationId: itServiceId });
    expect(collected.holderLabel).toBe("IT service");
    expect(collected.departmentId).toBe(parksId);
    expect(collected.updatedAt.getTime()).toBe(base + 5 * minute);

    const events = listDeviceCustody(device.id);
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first).toEqual(registered);
    expect(second).toMatchObject({
      seq: first!.seq + 1,
      prevHash: first!.hash,
      type: "collect",
      fromStatus: "registered",
      toStatus: "collected",
      fromHolder: { kind: "organization", organizationId: parksId },
      toHolder: { kind: "organization", organizationId: itServiceId },
      actorId: userIdOf(technician),
      at: base + 5 * minute,
      details: {},
    });
    expect(second!.hash).not.toBe(first!.hash);
    expect(verifyLedger().intact).toBe(true);
  });

  test("department staff may not collect", () => {
    const device = register();
    const eventsBefore = eventCount();
    expect(applyTransition(device.id, { action: "collect", itServiceId }, parksStaff, base)).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("registered");
    expect(eventCount()).toBe(eventsBefore);
  });

  test("collecting twice: the second is refused as invalid-state and only one event is added", () => {
    const device = register();
    const eventsBefore = eventCount();
    expectOk(collect(device.id));
    expect(collect(device.id)).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
    expect(eventCount()).toBe(eventsBefore + 1);
    expect(listDeviceCustody(device.id).map((event) => event.type)).toEqual(["register", "collect"]);
  });

  test("an unknown device is not-found", () => {
    expect(collect(987654)).toEqual({ ok: false, reason: "not-found" });
  });

  test("certifying is refused while no medium has a validated wipe", () => {
    const device = register();
    expectOk(collect(device.id));
    expect(applyTransition(device.id, { action: "certify", certificateNumber: "WIPE-1" }, technician, base)).toEqual({
      ok: false,
      reason: "media-not-sanitized",
    });
    expect(getDevice(device.id)?.status).toBe("collected");
  });

  test("recycling needs a recycler and a certificate number, records them, and is final", () => {
    const device = register();
    expectOk(collect(device.id));
    const eventsBefore = eventCount();

    expect(applyTransition(device.id, { action: "recycle", recycler: "  ", certificateNumber: "R2-123" }, technician, base)).toEqual({
      ok: false,
      reason: "missing-detail",
      field: "recycler",
    });
    expect(applyTransition(device.id, { action: "recycle", recycler: "GreenCycle NV", certificateNumber: "" }, technician, base)).toEqual({
      ok: false,
      reason: "missing-detail",
      field: "certificateNumber",
    });
    expect(eventCount()).toBe(eventsBefore);
    expect(getDevice(device.id)?.status).toBe("collected");

    const recycled = expectOk(
      applyTransition(device.id, { action: "recycle", recycler: " GreenCycle NV ", certificateNumber: " R2-123 " }, technician, base + 10 * minute),
    );
    expect(recycled.status).toBe("recycled");
    expect(recycled.holder).toEqual({ kind: "recycler", name: "GreenCycle NV" });
    expect(recycled.holderLabel).toBe("GreenCycle NV");

    const last = listDeviceCustody(device.id).at(-1);
    expect(last).toMatchObject({
      type: "recycle",
      fromStatus: "collected",
      toStatus: "recycled",
      fromHolder: { kind: "organization", organizationId: itServiceId },
      toHolder: { kind: "recycler", name: "GreenCycle NV" },
      details: { recycler: "GreenCycle NV", certificateNumber: "R2-123" },
    });

    const afterRecycling = eventCount();
    expect(collect(device.id)).toEqual({ ok: false, reason: "invalid-state", status: "recycled" });
    expect(applyTransition(device.id, { action: "recycle", recycler: "Other", certificateNumber: "X" }, coordinator, base)).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "recycled",
    });
    expect(applyTransition(device.id, { action: "list", grade: "A" }, coordinator, base)).toEqual({ ok: false, reason: "invalid-state", status: "recycled" });
    expect(eventCount()).toBe(afterRecycling);
    expect(getDevice(device.id)?.holder).toEqual({ kind: "recycler", name: "GreenCycle NV" });
  });

  test("a coordinator may recycle a device straight from registered", () => {
    const device = register();
    const recycled = expectOk(applyTransition(device.id, { action: "recycle", recycler: "Ecolife", certificateNumber: "E-9" }, coordinator, base));
    expect(recycled.status).toBe("recycled");
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ fromStatus: "registered", fromHolder: { kind: "organization", organizationId: parksId } });
  });

  test("a concurrent change between the decision and the write makes it a conflict, not a double move", async () => {
    const device = register();
    const eventsBefore = eventCount();
    // Another process moves the device on and holds the write lock while we decide.
    const writer = await concurrentWriter(`UPDATE devices SET status = 'collected' WHERE id = ${device.id}`, 1000);
    const started = performance.now();
    const result = collect(device.id);
    const waited = performance.now() - started;
    await writer.committed;

    expect(result).toEqual({ ok: false, reason: "conflict" });
    expect(waited).toBeGreaterThan(100);
    expect(eventCount()).toBe(eventsBefore);
    expect(listDeviceCustody(device.id)).toHaveLength(1);
  });
});

describe("atomicity: a state change and its event commit or roll back together", () => {
  test("applyTransition: when the event cannot be written, the state change is not kept", () => {
    const device = register({}, { now: base });
    const eventsBefore = eventCount();

    withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END;", () => {
      expect(() => collect(device.id, base + 30 * minute)).toThrow(/forced/);
    });

    const after = getDevice(device.id);
    expect(after?.status).toBe("registered");
    expect(after?.holder).toEqual({ kind: "organization", organizationId: parksId });
    expect(after?.updatedAt.getTime()).toBe(base);
    expect(eventCount()).toBe(eventsBefore);
    expect(sqlite.inTransaction).toBe(false);

    // With the trigger gone the same transition goes through, and the chain is whole.
    expect(expectOk(collect(device.id)).status).toBe("collected");
    expect(eventCount()).toBe(eventsBefore + 1);
    expect(verifyLedger().intact).toBe(true);
  });

  test("registerDevice: when the event cannot be written, no device, media or search entry is kept", () => {
    const [devicesBefore, mediaBefore, eventsBefore] = [deviceCount(), mediaCount(), eventCount()];
    const input = deviceInput({ assetTag: "ATOMIC-0001", serial: "ATOMIC-SERIAL-1" });

    withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END;", () => {
      expect(() => registerDevice(input, parksId, parksStaff, base)).toThrow(/forced/);
    });

    expect([deviceCount(), mediaCount(), eventCount()]).toEqual([devicesBefore, mediaBefore, eventsBefore]);
    expect(db.select().from(devices).where(eq(devices.assetTag, "ATOMIC-0001")).get()).toBeUndefined();
    expect(listDevices({ q: "ATOMIC", page: 1, pageSize: 10 }, { kind: "all" }).total).toBe(0);

    // Nothing half-written blocks a retry.
    const device = expectOk(registerDevice(input, parksId, parksStaff, base));
    expect(device.media).toHaveLength(2);
    expect(listDeviceCustody(device.id)).toHaveLength(1);
    expect(listDevices({ q: "ATOMIC", page: 1, pageSize: 10 }, { kind: "all" }).items.map((item) => item.id)).toEqual([device.id]);
  });

  test("registerDevice: when a medium cannot be written, the device is not kept either", () => {
    const [devicesBefore, mediaBefore, eventsBefore] = [deviceCount(), mediaCount(), eventCount()];
    withTempTrigger("fail_medium", "BEFORE INSERT ON storage_media BEGIN SELECT RAISE(ABORT, 'forced medium'); END;", () => {
      expect(() => registerDevice(deviceInput(), parksId, parksStaff, base)).toThrow(/forced medium/);
    });
    expect([deviceCount(), mediaCount(), eventCount()]).toEqual([devicesBefore, mediaBefore, eventsBefore]);
  });
});

describe("updateRegisteredDevice", () => {
  test("edits a registered device and replaces its media, without a custody event", () => {
    const device = register();
    const eventsBefore = eventCount();
    const edited = deviceInput({ manufacturer: "Lenovo", model: " Yoga 370 ", ramGb: 16, media: [{ serial: "NEW-DRIVE", kind: "NVMe", capacityGb: 512 }] });
    const updated = expectOk(updateRegisteredDevice(device.id, edited));

    expect(updated).toMatchObject({
      id: device.id,
      assetTag: edited.assetTag,
      serial: edited.serial,
      manufacturer: "Lenovo",
      model: "Yoga 370",
      ramGb: 16,
      status: "registered",
      publicId: device.publicId,
    });
    expect(updated.media.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual([
      { serial: "NEW-DRIVE", kind: "NVMe", capacityGb: 512 },
    ]);
    expect(db.select().from(storageMedia).where(eq(storageMedia.deviceId, device.id)).all()).toHaveLength(1);
    expect(eventCount()).toBe(eventsBefore);
  });

  test("keeping its own tag and serial is not a duplicate; taking another device's is", () => {
    const device = register();
    const other = register();
    expect(updateRegisteredDevice(device.id, deviceInput({ assetTag: device.assetTag, serial: device.serial })).ok).toBe(true);
    expect(updateRegisteredDevice(device.id, deviceInput({ assetTag: other.assetTag, serial: other.serial }))).toEqual({
      ok: false,
      reason: "duplicate",
      fields: ["assetTag", "serial"],
    });
    expect(getDevice(device.id)?.assetTag).toBe(device.assetTag);
  });

  test("once collected the device can no longer be edited", () => {
    const device = register();
    expectOk(collect(device.id));
    expect(updateRegisteredDevice(device.id, deviceInput({ model: "Changed" }))).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
    const after = getDevice(device.id);
    expect(after?.model).toBe(device.model);
    expect(after?.media).toEqual(device.media);
  });

  test("an unknown device is not-found", () => {
    expect(updateRegisteredDevice(987654, deviceInput())).toEqual({ ok: false, reason: "not-found" });
  });

  test("a device collected by someone else meanwhile is a conflict and keeps its media", async () => {
    const device = register();
    const writer = await concurrentWriter(`UPDATE devices SET status = 'collected' WHERE id = ${device.id}`, 1000);
    const result = updateRegisteredDevice(device.id, deviceInput({ model: "Too late", media: [] }));
    await writer.committed;
    expect(result).toEqual({ ok: false, reason: "conflict" });
    const after = getDevice(device.id);
    expect(after?.model).toBe(device.model);
    expect(after?.media).toHaveLength(2);
  });
});

describe("listDevices", () => {
  let libraryId: number;
  let harbourId: number;
  let librarian: LifecycleActor;
  const library: DeviceDetail[] = [];
  const harbour: DeviceDetail[] = [];

  beforeAll(() => {
    libraryId = insertOrganization({ name: "Library", kind: "department", status: "approved" });
    harbourId = insertOrganization({ name: "Harbour", kind: "department", status: "approved" });
    librarian = actor("department", libraryId);
    const harbourMaster = actor("department", harbourId);
    const specs: { tag: string; serial: string; manufacturer: string; model: string; type: DeviceType }[] = [
      { tag: "LIB-003", serial: "5CG7431QZ", manufacturer: "HP", model: "EliteBook 840 G5", type: "laptop" },
      { tag: "LIB-001", serial: "PF1ABCDE", manufacturer: "Lenovo", model: "ThinkPad T480", type: "laptop" },
      { tag: "LIB-005", serial: "CN0XYZ77", manufacturer: "Dell", model: "P2419H", type: "monitor" },
      { tag: "LIB-002", serial: "PF1FGHIJ", manufacturer: "Lenovo", model: "ThinkCentre M720q", type: "desktop" },
      { tag: "LIB-004", serial: "DMPXK2LL", manufacturer: "Apple", model: "iPad 9th gen", type: "tablet" },
    ];
    specs.forEach((spec, index) => {
      library.push(
        expectOk(
          registerDevice(
            deviceInput({ assetTag: spec.tag, serial: spec.serial, manufacturer: spec.manufacturer, model: spec.model, type: spec.type }),
            libraryId,
            librarian,
            base + index * minute,
          ),
        ),
      );
    });
    harbour.push(
      expectOk(
        registerDevice(
          deviceInput({ assetTag: "HAR-001", serial: "PF1KLMNO", manufacturer: "Lenovo", model: "ThinkPad T480", type: "laptop" }),
          harbourId,
          harbourMaster,
          base,
        ),
      ),
      expectOk(
        registerDevice(
          deviceInput({ assetTag: "HAR-002", serial: "HAR-SER-2", manufacturer: "Dell", model: "Latitude 7490", type: "laptop" }),
          harbourId,
          harbourMaster,
          base,
        ),
      ),
    );
    // One library laptop and one harbour laptop move on.
    expectOk(collect(library[1]!.id, base + 20 * minute));
    expectOk(collect(harbour[0]!.id, base + 20 * minute));
  });

  const all = { kind: "all" } as const;
  const tags = (items: { assetTag: string }[]) => items.map((item) => item.assetTag);

  test("filters by department, status and type", () => {
    const byDepartment = listDevices({ departmentId: libraryId, sort: "assetTag", page: 1, pageSize: 50 }, all);
    expect(byDepartment.total).toBe(5);
    expect(tags(byDepartment.items)).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(byDepartment.items.every((item) => item.departmentName === "Library")).toBe(true);

    const collected = listDevices({ departmentId: libraryId, status: "collected", page: 1, pageSize: 50 }, all);
    expect(tags(collected.items)).toEqual(["LIB-001"]);
    expect(collected.total).toBe(1);

    const laptops = listDevices({ departmentId: libraryId, type: "laptop", sort: "assetTag", page: 1, pageSize: 50 }, all);
    expect(tags(laptops.items)).toEqual(["LIB-001", "LIB-003"]);

    const registeredLaptops = listDevices({ departmentId: libraryId, type: "laptop", status: "registered", page: 1, pageSize: 50 }, all);
    expect(tags(registeredLaptops.items)).toEqual(["LIB-003"]);
  });

  test("a department scope hides other departments, whatever the query asks", () => {
    const scope = { kind: "department", departmentId: libraryId } as const;
    const mine = listDevices({ page: 1, pageSize: 50 }, scope);
    expect(mine.total).toBe(5);
    expect(mine.items.every((item) => item.departmentId === libraryId)).toBe(true);

    expect(listDevices({ departmentId: harbourId, page: 1, pageSize: 50 }, scope)).toEqual({ items: [], total: 0 });
    expect(tags(listDevices({ q: "ThinkPad", page: 1, pageSize: 50 }, scope).items)).toEqual(["LIB-001"]);
    expect(tags(listDevices({ q: "ThinkPad", sort: "assetTag", page: 1, pageSize: 50 }, all).items)).toEqual(["HAR-001", "LIB-001"]);
    expect(countDevicesByStatus(scope)).toEqual({ registered: 4, collected: 1 });
  });

  test("searches three characters or more as a substring of asset tag, serial or model, ignoring case", () => {
    const search = (q: string) => tags(listDevices({ q, sort: "assetTag", page: 1, pageSize: 50 }, all).items);
    expect(search("hinkC")).toEqual(["LIB-002"]); // middle of a model
    expect(search("thinkpad t4")).toEqual(["HAR-001", "LIB-001"]);
    expect(search("7431")).toEqual(["LIB-003"]); // middle of a serial
    expect(search("B-00")).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]); // middle of an asset tag
    expect(search("ar-002")).toEqual(["HAR-002"]);
    expect(search("PF1")).toEqual(["HAR-001", "LIB-001", "LIB-002"]);
    expect(search("  P2419H  ")).toEqual(["LIB-005"]);
    expect(search("no such thing")).toEqual([]);
    expect(listDevices({ q: "PF1", page: 1, pageSize: 50 }, all).total).toBe(3);
  });

  test("characters with a meaning to FTS5 or LIKE are searched literally", () => {
    const search = (q: string) => listDevices({ q, page: 1, pageSize: 50 }, all).total;
    expect(search('"Think')).toBe(0);
    expect(search("T480 OR P2419H")).toBe(0);
    expect(search("Think*")).toBe(0);
    expect(search("%")).toBe(0);
    expect(search("_")).toBe(0);
    expect(search("\\")).toBe(0);
  });

  test("shorter terms match the start of an asset tag or serial only", () => {
    const search = (q: string) => tags(listDevices({ q, departmentId: libraryId, sort: "assetTag", page: 1, pageSize: 50 }, all).items);
    expect(search("LI")).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(search("li")).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(search("PF")).toEqual(["LIB-001", "LIB-002"]);
    expect(search("5C")).toEqual(["LIB-003"]);
    expect(search("IB")).toEqual([]); // inside a tag, not at its start
    expect(search("Th")).toEqual([]); // models are not prefix-searched
  });

  test("pages through the results with a stable total", () => {
    const page = (n: number) => listDevices({ departmentId: libraryId, sort: "assetTag", direction: "asc", page: n, pageSize: 2 }, all);
    expect(tags(page(1).items)).toEqual(["LIB-001", "LIB-002"]);
    expect(tags(page(2).items)).toEqual(["LIB-003", "LIB-004"]);
    expect(tags(page(3).items)).toEqual(["LIB-005"]);
    expect(page(4).items).toEqual([]);
    expect([1, 2, 3, 4].map((n) => page(n).total)).toEqual([5, 5, 5, 5]);
  });

  test("sorts by asset tag either way, and by last update (newest first) by default", () => {
    const query = { departmentId: libraryId, page: 1, pageSize: 50 };
    expect(tags(listDevices({ ...query, sort: "assetTag" }, all).items)).toEqual(["LIB-001", "LIB-002", "LIB-003", "LIB-004", "LIB-005"]);
    expect(tags(listDevices({ ...query, sort: "assetTag", direction: "desc" }, all).items)).toEqual(["LIB-005", "LIB-004", "LIB-003", "LIB-002", "LIB-001"]);
    // Registered a minute apart in spec order; LIB-001 was collected last.
    expect(tags(listDevices(query, all).items)).toEqual(["LIB-001", "LIB-004", "LIB-002", "LIB-005", "LIB-003"]);
  });

  test("search follows an edit", () => {
    const device = library[4]!;
    expect(tags(listDevices({ q: "iPad 9", page: 1, pageSize: 50 }, all).items)).toEqual(["LIB-004"]);
    expectOk(
      updateRegisteredDevice(
        device.id,
        deviceInput({ assetTag: device.assetTag, serial: device.serial, manufacturer: "Samsung", model: "Galaxy Tab S6", type: "tablet" }),
      ),
    );
    expect(listDevices({ q: "iPad 9", page: 1, pageSize: 50 }, all).total).toBe(0);
    expect(tags(listDevices({ q: "Galaxy", page: 1, pageSize: 50 }, all).items)).toEqual(["LIB-004"]);
  });
});

describe("itServiceIdFor", () => {
  test("finds the IT service for a technician and for anyone else", () => {
    expect(itServiceIdFor(technician)).toBe(itServiceId);
    expect(itServiceIdFor(parksStaff)).toBe(itServiceId);
    expect(itServiceIdFor({ kind: "system", reason: "payment" })).toBe(itServiceId);
  });
});
