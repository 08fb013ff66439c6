import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, devices, storageMedia } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { getDeviceByPublicId, listDevices } from "~/models/device.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, createOrganization, deviceInput, userIdOf } from "~/test/factories";
import { freeAssetTag, registerDevice } from "./register-device.server";

const base = Date.UTC(2026, 10, 30, 9, 0, 0);

let parksId: number;
let financeId: number;
let coordinator: UserActor;
let parksStaff: UserActor;

beforeAll(() => {
  createOrganization("it_service");
  parksId = createOrganization("department", "approved", "Parks department");
  financeId = createOrganization("department");
  coordinator = createActor("coordinator");
  parksStaff = createActor("department", parksId);
});

const total = (table: typeof devices | typeof storageMedia | typeof custodyEvents) => db.select({ total: count() }).from(table).get()?.total ?? 0;
const rowCounts = () => [total(devices), total(storageMedia), total(custodyEvents)];

describe("registerDevice", () => {
  test("writes the device with its department as holder, its media and exactly one custody event", () => {
    const input = deviceInput({
      media: [
        { serial: "DRV-A", kind: "SSD", capacityGb: 256 },
        { serial: "DRV-B", kind: "HDD", capacityGb: 500 },
      ],
    });
    const device = commandValue(registerDevice(parksStaff, input, { now: base }));

    expect(device).toMatchObject({
      status: "registered",
      departmentId: parksId,
      departmentName: "Parks department",
      holder: { kind: "organization", organizationId: parksId },
      holderLabel: "Parks department",
      assetTag: input.assetTag,
    });
    expect(device.createdAt.getTime()).toBe(base);
    expect(device.publicId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(getDeviceByPublicId(device.publicId)?.id).toBe(device.id);
    expect(device.media.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual(input.media);
    expect(db.select().from(devices).where(eq(devices.id, device.id)).get()?.registeredById).toBe(parksStaff.userId);
    expect(listDeviceCustody(device.id)).toMatchObject([
      {
        type: "register",
        fromStatus: null,
        toStatus: "registered",
        toHolder: { kind: "organization", organizationId: parksId },
        actorId: parksStaff.userId,
        at: base,
      },
    ]);
    expect(verifyLedger().intact).toBe(true);
  });

  test("trims what it stores", () => {
    const input = deviceInput();
    const device = commandValue(registerDevice(parksStaff, { ...input, assetTag: ` ${input.assetTag} `, manufacturer: " HP ", model: " EliteBook 840 " }));
    expect(device).toMatchObject({ assetTag: input.assetTag, manufacturer: "HP", model: "EliteBook 840" });
  });

  test("department staff register for their own department; naming another is refused and writes nothing", () => {
    expect(commandValue(registerDevice(parksStaff, deviceInput())).departmentId).toBe(parksId);
    const before = rowCounts();
    expect(registerDevice(parksStaff, { ...deviceInput(), departmentId: financeId })).toEqual({ ok: false, reason: "not-own-department" });
    // A department that does not exist is not revealed to them either.
    expect(registerDevice(parksStaff, { ...deviceInput(), departmentId: 987_654 })).toEqual({ ok: false, reason: "not-own-department" });
    expect(rowCounts()).toEqual(before);
  });

  test("a coordinator names an approved department, and must name one", () => {
    const device = commandValue(registerDevice(coordinator, { ...deviceInput(), departmentId: financeId }));
    expect(device.holder).toEqual({ kind: "organization", organizationId: financeId });
    expect(listDeviceCustody(device.id)[0]?.actorId).toBe(userIdOf(coordinator));

    const choose = { ok: false, reason: "invalid-input", fields: { departmentId: ["errors.choose"] } };
    expect(registerDevice(coordinator, deviceInput())).toEqual(choose);
    expect(registerDevice(coordinator, { ...deviceInput(), departmentId: 987_654 })).toEqual(choose);
    expect(registerDevice(coordinator, { ...deviceInput(), departmentId: createOrganization("department", "pending") })).toEqual(choose);
    expect(registerDevice(coordinator, { ...deviceInput(), departmentId: createOrganization("school") })).toEqual(choose);
  });

  test("roles without device.register, and members of an organization awaiting approval, are forbidden", () => {
    const before = rowCounts();
    for (const actor of [createActor("technician"), createActor("recipient"), createActor("employee"), createActor("department", undefined, "pending")]) {
      expect(registerDevice(actor, { ...deviceInput(), departmentId: parksId })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(rowCounts()).toEqual(before);
  });

  test("a taken asset tag or serial is a duplicate named by field, and nothing is written", () => {
    const existing = commandValue(registerDevice(parksStaff, deviceInput()));
    const before = rowCounts();
    expect(registerDevice(parksStaff, deviceInput({ assetTag: existing.assetTag }))).toEqual({
      ok: false,
      reason: "duplicate",
      fields: { assetTag: ["errors.duplicate.assetTag"] },
    });
    expect(registerDevice(parksStaff, deviceInput({ serial: ` ${existing.serial} ` }))).toEqual({
      ok: false,
      reason: "duplicate",
      fields: { serial: ["errors.duplicate.serial"] },
    });
    expect(registerDevice(parksStaff, deviceInput({ assetTag: existing.assetTag, serial: existing.serial }))).toEqual({
      ok: false,
      reason: "duplicate",
      fields: { assetTag: ["errors.duplicate.assetTag"], serial: ["errors.duplicate.serial"] },
    });
    expect(rowCounts()).toEqual(before);
  });

  test("a tag taken between the check and the insert (the unique index refuses) is a duplicate too, not an error", () => {
    const other = commandValue(registerDevice(parksStaff, deviceInput()));
    const before = rowCounts();
    // Another writer in the same transaction takes the new tag just before the insert.
    const result = withTempTrigger(
      "take_the_tag",
      `BEFORE INSERT ON devices BEGIN UPDATE devices SET asset_tag = NEW.asset_tag WHERE id = ${other.id}; END`,
      () => registerDevice(parksStaff, deviceInput()),
    );
    expect(result).toEqual({ ok: false, reason: "duplicate", fields: { assetTag: ["errors.duplicate.assetTag"] } });
    expect(rowCounts()).toEqual(before);
  });

  test("when the custody event cannot be written, no device, medium or search entry is kept", () => {
    const before = rowCounts();
    const input = deviceInput({ assetTag: "ATOMIC-0001" });
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () => registerDevice(parksStaff, input)),
    ).toThrow(/forced/);
    expect(rowCounts()).toEqual(before);
    expect(listDevices({ q: "ATOMIC", page: 1, pageSize: 10 }, { kind: "all" }).total).toBe(0);

    // Nothing half-written blocks a retry.
    const device = commandValue(registerDevice(parksStaff, input));
    expect(listDevices({ q: "ATOMIC", page: 1, pageSize: 10 }, { kind: "all" }).items.map((item) => item.id)).toEqual([device.id]);
  });

  test("when a medium cannot be written, the device is not kept either", () => {
    const before = rowCounts();
    expect(() =>
      withTempTrigger("fail_medium", "BEFORE INSERT ON storage_media BEGIN SELECT RAISE(ABORT, 'forced medium'); END", () =>
        registerDevice(parksStaff, deviceInput()),
      ),
    ).toThrow(/forced medium/);
    expect(rowCounts()).toEqual(before);
  });

  test("an empty asset tag (a form left it out) is assigned: CIR- and six digits, free, kept by the device", () => {
    const { assetTag: _left, ...withoutTag } = deviceInput();
    const first = commandValue(registerDevice(parksStaff, withoutTag, { now: base }));
    const second = commandValue(registerDevice(parksStaff, { ...deviceInput(), assetTag: "  " }, { now: base }));
    expect(first.assetTag).toMatch(/^CIR-\d{6}$/);
    expect(second.assetTag).toMatch(/^CIR-\d{6}$/);
    expect(second.assetTag).not.toBe(first.assetTag);
    expect(db.select().from(devices).where(eq(devices.id, first.id)).get()?.assetTag).toBe(first.assetTag);
  });

  test("a free asset tag skips the ones already taken", () => {
    const taken = commandValue(registerDevice(parksStaff, { ...deviceInput(), assetTag: "CIR-000042" }, { now: base }));
    const picks = [42, 42, 43];
    expect(freeAssetTag(db, () => picks.shift() ?? 0)).toBe("CIR-000043");
    expect(taken.assetTag).toBe("CIR-000042");
  });
});
