import { describe, expect, test } from "vitest";
import { getDevice } from "~/models/device.server";
import { commandValue, createActor, deviceInState, lifecycleCast, nextNumber, passingWipe } from "~/test/factories";
import { addStorageMedium } from "./add-storage-medium.server";
import { certifyDevice } from "./certify-device.server";

const found = () => ({ serial: `FOUND-${nextNumber()}`, kind: "NVMe" as const, capacityGb: 512 });

describe("addStorageMedium", () => {
  test("adds a drive found after collection; the device is then not ready until it is wiped too", () => {
    const device = deviceInState("collected", { input: { media: [] } });
    const drive = found();
    const added = commandValue(addStorageMedium(lifecycleCast().technician, { deviceId: device.id, ...drive }));
    expect(added.medium).toMatchObject(drive);
    expect(getDevice(device.id)?.media).toEqual([added.medium]);
    expect(certifyDevice(lifecycleCast().technician, { deviceId: device.id })).toEqual({ ok: false, reason: "media-not-sanitized" });
  });

  test("refuses the same serial twice on one device (a second click), before collection and after certification", () => {
    const device = deviceInState("collected");
    const drive = found();
    commandValue(addStorageMedium(lifecycleCast().technician, { deviceId: device.id, ...drive }));
    expect(addStorageMedium(lifecycleCast().technician, { deviceId: device.id, ...drive, serial: drive.serial.toLowerCase() })).toEqual({
      ok: false,
      reason: "duplicate",
      fields: { serial: ["errors.medium.duplicate"] },
    });
    expect(addStorageMedium(lifecycleCast().technician, { deviceId: deviceInState("registered").id, ...found() })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "registered",
    });
    expect(addStorageMedium(lifecycleCast().technician, { deviceId: deviceInState("wiped").id, ...found() })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "wiped",
    });
  });

  test("only technicians add drives", () => {
    const device = deviceInState("collected");
    expect(addStorageMedium(lifecycleCast().coordinator, { deviceId: device.id, ...found() })).toEqual({ ok: false, reason: "forbidden" });
    expect(addStorageMedium(createActor("department", device.departmentId), { deviceId: device.id, ...found() })).toEqual({ ok: false, reason: "forbidden" });
  });

  test("with the wipe the log recorded: the drive and its record in one go, the record awaiting a second technician", () => {
    const device = deviceInState("collected");
    const technician = lifecycleCast().technician;
    const wipe = {
      ...passingWipe({ tool: "nwipe", toolVersion: "0.34" }),
      source: "nwipe-log" as const,
      logExcerpt: "[2023/10/14 09:12:40]  notice: Invoking method 'DoD Short' on /dev/sdb",
    };
    const added = commandValue(addStorageMedium(technician, { deviceId: device.id, ...found(), wipe }));
    expect(added.wipe).toMatchObject({
      mediumId: added.medium.id,
      performedById: technician.userId,
      validatedById: null,
      source: "nwipe-log",
      logExcerpt: wipe.logExcerpt,
    });
  });

  test("a wipe that breaks the rules refuses the whole: no drive is added", () => {
    const device = deviceInState("collected");
    const result = addStorageMedium(lifecycleCast().technician, { deviceId: device.id, ...found(), wipe: { ...passingWipe(), rounds: null } });
    expect(result).toEqual({ ok: false, reason: "invalid-input", fields: { rounds: ["errors.wipe.roundsRequired"] } });
    expect(getDevice(device.id)?.media).toEqual(device.media);
  });
});
