import { describe, expect, test } from "vitest";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { listDevice } from "./list-device.server";

describe("listDevice", () => {
  test("offers a certified device with its grade, and records the grade in the event", () => {
    const device = deviceInState("wiped");
    const listed = commandValue(listDevice(lifecycleCast().technician, { deviceId: device.id, grade: "A" }));
    expect(listed).toMatchObject({ status: "listed", conditionGrade: "A" });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ type: "list", fromStatus: "wiped", toStatus: "listed", details: { grade: "A" } });
    expect(commandValue(listDevice(lifecycleCast().coordinator, { deviceId: deviceInState("wiped").id, grade: "C" })).conditionGrade).toBe("C");
  });

  test("department staff and recipients may not list", () => {
    const device = deviceInState("wiped");
    expect(listDevice(createActor("department"), { deviceId: device.id, grade: "A" })).toEqual({ ok: false, reason: "forbidden" });
    expect(listDevice(createActor("recipient"), { deviceId: device.id, grade: "A" })).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)).toMatchObject({ status: "wiped", conditionGrade: null });
  });

  test("only a certified device is listed; unknown devices are not found", () => {
    const collected = deviceInState("collected");
    expect(listDevice(lifecycleCast().technician, { deviceId: collected.id, grade: "B" })).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
    expect(listDevice(lifecycleCast().technician, { deviceId: 987_654, grade: "B" })).toEqual({ ok: false, reason: "not-found", entity: "device" });
  });

  test("when the event cannot be written, neither the state nor the grade is kept", () => {
    const device = deviceInState("wiped");
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        listDevice(lifecycleCast().technician, { deviceId: device.id, grade: "A" }),
      ),
    ).toThrow(/forced/);
    expect(getDevice(device.id)).toMatchObject({ status: "wiped", conditionGrade: null });
  });

  test("specifications corrected while grading are written with the listing and recorded in its event", () => {
    const device = deviceInState("wiped", { input: { ramGb: 8, screenInches: 14 } });
    const listed = commandValue(listDevice(lifecycleCast().technician, { deviceId: device.id, grade: "B", specs: { ramGb: 16, screenInches: 14 } }));
    expect(listed).toMatchObject({ status: "listed", ramGb: 16, screenInches: 14 });
    expect(listDeviceCustody(device.id).at(-1)?.details).toEqual({ grade: "B", specsCorrected: { ramGb: { from: 8, to: 16 } } });
  });
});
