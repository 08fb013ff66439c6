import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { commandValue, createActor, createOrganization, deviceInput } from "~/test/factories";
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
});
