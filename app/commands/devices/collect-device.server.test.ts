import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { commandValue, createActor, createOrganization, deviceInput, nextNumber } from "~/test/factories";
import { withTempTrigger } from "~/test/database";
import { collectDevice } from "./collect-device.server";
import { registerDevice } from "./register-device.server";

let departmentId: number;
let otherDepartmentId: number;
let technician: UserActor;
let coordinator: UserActor;

beforeAll(() => {
  createOrganization("it_service");
  departmentId = createOrganization("department");
  otherDepartmentId = createOrganization("department");
  technician = createActor("technician");
  coordinator = createActor("coordinator");
});

function registered(forDepartment = departmentId): number {
  return commandValue(registerDevice(coordinator, { ...deviceInput(), departmentId: forDepartment }), "registration").id;
}

describe("collectDevice", () => {
  test("moves a registered device to the IT service and records the event", () => {
    const deviceId = registered();
    const result = collectDevice(technician, { deviceId });
    expect(result.ok && result.value.status).toBe("collected");
    expect(listDeviceCustody(deviceId).map((event) => event.type)).toEqual(["register", "collect"]);
  });

  test("refuses roles without device.collect, and changes nothing", () => {
    const deviceId = registered();
    expect(collectDevice(coordinator, { deviceId })).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(deviceId)?.status).toBe("registered");
  });

  test("refuses a device that does not exist, and one out of the actor's scope", () => {
    expect(collectDevice(technician, { deviceId: 999_999 })).toEqual({ ok: false, reason: "not-found", entity: "device" });
    const departmentStaff = createActor("department", otherDepartmentId);
    const result = collectDevice(departmentStaff, { deviceId: registered() });
    expect(result).toEqual({ ok: false, reason: "forbidden" });
  });

  test("refuses a second collection as invalid-state", () => {
    const deviceId = registered();
    expect(collectDevice(technician, { deviceId }).ok).toBe(true);
    expect(collectDevice(technician, { deviceId })).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
  });

  test("a failure while writing the custody event rolls the state change back", () => {
    const deviceId = registered();
    expect(() =>
      withTempTrigger("fail_custody", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        collectDevice(technician, { deviceId }),
      ),
    ).toThrow(/forced/);
    expect(getDevice(deviceId)?.status).toBe("registered");
  });

  test("joins a caller's transaction: a later refusal there undoes the collection", () => {
    const deviceId = registered();
    const otherId = registered();
    const outer = (() => {
      try {
        return db.transaction((tx) => {
          const first = collectDevice(technician, { deviceId }, { tx });
          const second = collectDevice(technician, { deviceId: otherId }, { tx });
          if (!first.ok || !second.ok) throw new Error("both should collect");
          throw new Error("roll back the batch");
        });
      } catch (error) {
        return error instanceof Error ? error.message : "";
      }
    })();
    expect(outer).toBe("roll back the batch");
    expect(getDevice(deviceId)?.status).toBe("registered");
    expect(getDevice(otherId)?.status).toBe("registered");
  });

  test("the technician confirms drives and specifications as found: written with the collection and recorded in its event", () => {
    const deviceId = commandValue(
      registerDevice(coordinator, {
        ...deviceInput({ ramGb: 8, cpu: "i5", media: [{ serial: `OLD-${nextNumber()}`, kind: "HDD", capacityGb: 500 }] }),
        departmentId,
      }),
    ).id;
    const registeredMedium = getDevice(deviceId)!.media[0]!;
    const added = { serial: `NEW-${nextNumber()}`, kind: "SSD" as const, capacityGb: 256 };
    const collected = commandValue(collectDevice(technician, { deviceId, media: [added], specs: { ramGb: 16, cpu: "i5" } }));
    expect(collected.media.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb }))).toEqual([added]);
    expect(collected.ramGb).toBe(16);
    expect(listDeviceCustody(deviceId).at(-1)?.details).toEqual({
      mediaAdded: [added],
      mediaRemoved: [{ serial: registeredMedium.serial, kind: "HDD", capacityGb: 500 }],
      specsCorrected: { ramGb: { from: 8, to: 16 } },
    });
    expect(verifyLedger().intact).toBe(true);
  });

  test("a drive corrected by its id keeps its place; collected as registered, the event records nothing", () => {
    const deviceId = registered();
    const medium = getDevice(deviceId)!.media[0]!;
    commandValue(collectDevice(technician, { deviceId, media: [{ ...medium, capacityGb: medium.capacityGb + 1 }] }));
    expect(getDevice(deviceId)!.media).toEqual([{ ...medium, capacityGb: medium.capacityGb + 1 }]);
    expect(listDeviceCustody(deviceId).at(-1)?.details).toEqual({
      mediaCorrected: [
        {
          from: { serial: medium.serial, kind: medium.kind, capacityGb: medium.capacityGb },
          to: { serial: medium.serial, kind: medium.kind, capacityGb: medium.capacityGb + 1 },
        },
      ],
    });
    const unchanged = registered();
    const device = getDevice(unchanged)!;
    commandValue(collectDevice(technician, { deviceId: unchanged, media: device.media, specs: { ramGb: device.ramGb, cpu: device.cpu } }));
    expect(listDeviceCustody(unchanged).at(-1)?.details).toEqual({});
  });

  test("a drive id of another device is refused at its position, and nothing is collected", () => {
    const deviceId = registered();
    const otherMedium = getDevice(registered())!.media[0]!;
    expect(collectDevice(technician, { deviceId, media: [otherMedium] })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { "media[0].id": ["errors.notFound.medium"] },
    });
    expect(getDevice(deviceId)?.status).toBe("registered");
  });
});
