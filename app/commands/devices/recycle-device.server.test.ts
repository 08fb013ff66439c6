import { describe, expect, test } from "vitest";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { recycleDevice } from "./recycle-device.server";

describe("recycleDevice", () => {
  test("hands the device to the named recycler, records the certificate, and is final", () => {
    const device = deviceInState("collected");
    const { technician, coordinator, itServiceId } = lifecycleCast();
    const recycled = commandValue(recycleDevice(technician, { deviceId: device.id, recycler: " GreenCycle NV ", certificateNumber: " R2-123 " }));
    expect(recycled).toMatchObject({ status: "recycled", holder: { kind: "recycler", name: "GreenCycle NV" }, holderLabel: "GreenCycle NV" });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "recycle",
      fromStatus: "collected",
      toStatus: "recycled",
      fromHolder: { kind: "organization", organizationId: itServiceId },
      toHolder: { kind: "recycler", name: "GreenCycle NV" },
      details: { recycler: "GreenCycle NV", certificateNumber: "R2-123" },
    });
    expect(recycleDevice(coordinator, { deviceId: device.id, recycler: "Other", certificateNumber: "X" })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "recycled",
    });
  });

  test("a coordinator recycles straight from registered", () => {
    const device = deviceInState("registered");
    const recycled = commandValue(recycleDevice(lifecycleCast().coordinator, { deviceId: device.id, recycler: "Ecolife", certificateNumber: "E-9" }));
    expect(recycled.status).toBe("recycled");
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      fromStatus: "registered",
      fromHolder: { kind: "organization", organizationId: device.departmentId },
    });
  });

  test("the recycler and the certificate number are required", () => {
    const device = deviceInState("collected");
    const { technician } = lifecycleCast();
    expect(recycleDevice(technician, { deviceId: device.id, recycler: "  ", certificateNumber: "R2-1" })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { recycler: ["errors.required"] },
    });
    expect(recycleDevice(technician, { deviceId: device.id, recycler: "GreenCycle", certificateNumber: "" })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { certificateNumber: ["errors.required"] },
    });
    expect(getDevice(device.id)?.status).toBe("collected");
  });

  test("department staff may not recycle; unknown devices are not found", () => {
    const device = deviceInState("registered");
    expect(recycleDevice(createActor("department", device.departmentId), { deviceId: device.id, recycler: "X", certificateNumber: "Y" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(recycleDevice(lifecycleCast().technician, { deviceId: 987_654, recycler: "X", certificateNumber: "Y" })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "device",
    });
  });

  test("when the event cannot be written, the device keeps its state and holder", () => {
    const device = deviceInState("collected");
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        recycleDevice(lifecycleCast().technician, { deviceId: device.id, recycler: "X", certificateNumber: "Y" }),
      ),
    ).toThrow(/forced/);
    expect(getDevice(device.id)).toMatchObject({ status: "collected", holder: device.holder });
  });
});
