import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, storageMedia } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { getDevice, listDevices } from "~/models/device.server";
import { concurrentWriter, withTempTrigger } from "~/test/database";
import { commandValue, createActor, createOrganization, deviceInput, deviceInState } from "~/test/factories";
import { editRegistration } from "./edit-registration.server";

let parksId: number;
let parksStaff: UserActor;
let coordinator: UserActor;

beforeAll(() => {
  parksId = createOrganization("department");
  parksStaff = createActor("department", parksId);
  coordinator = createActor("coordinator");
});

const eventCount = () => db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;

describe("editRegistration", () => {
  test("replaces a registered device's fields and media, without a custody event", () => {
    const device = deviceInState("registered", { departmentId: parksId });
    const eventsBefore = eventCount();
    const edited = deviceInput({ manufacturer: "Lenovo", model: " Yoga 370 ", ramGb: 16, media: [{ serial: "NEW-DRIVE", kind: "NVMe", capacityGb: 512 }] });
    const updated = commandValue(editRegistration(parksStaff, { ...edited, deviceId: device.id }));

    expect(updated).toMatchObject({
      id: device.id,
      assetTag: edited.assetTag,
      manufacturer: "Lenovo",
      model: "Yoga 370",
      ramGb: 16,
      publicId: device.publicId,
    });
    expect(updated.media.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual([
      { serial: "NEW-DRIVE", kind: "NVMe", capacityGb: 512 },
    ]);
    expect(db.select().from(storageMedia).where(eq(storageMedia.deviceId, device.id)).all()).toHaveLength(1);
    expect(eventCount()).toBe(eventsBefore);
    // The search index follows the edit.
    expect(listDevices({ q: "Yoga 370", page: 1, pageSize: 10 }, { kind: "all" }).items.map((item) => item.id)).toEqual([device.id]);
  });

  test("a coordinator edits any department's device", () => {
    const device = deviceInState("registered");
    expect(commandValue(editRegistration(coordinator, { ...deviceInput({ model: "Changed" }), deviceId: device.id })).model).toBe("Changed");
  });

  test("keeping its own tag and serial is no duplicate; taking another device's is", () => {
    const device = deviceInState("registered", { departmentId: parksId });
    const other = deviceInState("registered", { departmentId: parksId });
    expect(editRegistration(parksStaff, { ...deviceInput({ assetTag: device.assetTag, serial: device.serial }), deviceId: device.id }).ok).toBe(true);
    expect(editRegistration(parksStaff, { ...deviceInput({ assetTag: other.assetTag, serial: other.serial }), deviceId: device.id })).toEqual({
      ok: false,
      reason: "duplicate",
      fields: { assetTag: ["errors.duplicate.assetTag"], serial: ["errors.duplicate.serial"] },
    });
    expect(getDevice(device.id)?.assetTag).toBe(device.assetTag);
  });

  test("who may: not technicians, not another department's staff; unknown devices are not found", () => {
    const device = deviceInState("registered", { departmentId: parksId });
    expect(editRegistration(createActor("technician"), { ...deviceInput(), deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(editRegistration(createActor("department"), { ...deviceInput(), deviceId: device.id })).toEqual({ ok: false, reason: "out-of-scope" });
    expect(editRegistration(parksStaff, { ...deviceInput(), deviceId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "device" });
    expect(getDevice(device.id)?.model).toBe(device.model);
  });

  test("once collected the registration can no longer be edited", () => {
    const device = deviceInState("collected", { departmentId: parksId });
    expect(editRegistration(parksStaff, { ...deviceInput({ model: "Changed" }), deviceId: device.id })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "collected",
    });
    expect(getDevice(device.id)?.media).toEqual(device.media);
  });

  test("a device collected by another writer meanwhile is read after that writer, and refused", async () => {
    const device = deviceInState("registered", { departmentId: parksId });
    const writer = await concurrentWriter(`UPDATE devices SET status = 'collected' WHERE id = ${device.id}`, 500);
    const result = editRegistration(parksStaff, { ...deviceInput({ model: "Too late", media: [] }), deviceId: device.id });
    await writer.committed;
    expect(result).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
    expect(getDevice(device.id)).toMatchObject({ model: device.model, media: device.media });
  });

  test("when a new medium cannot be written, the old fields and media stay", () => {
    const device = deviceInState("registered", { departmentId: parksId });
    expect(() =>
      withTempTrigger("fail_medium", "BEFORE INSERT ON storage_media BEGIN SELECT RAISE(ABORT, 'forced medium'); END", () =>
        editRegistration(parksStaff, { ...deviceInput({ model: "Half done" }), deviceId: device.id }),
      ),
    ).toThrow(/forced medium/);
    expect(getDevice(device.id)).toMatchObject({ model: device.model, media: device.media });
  });
});
