import { describe, expect, test } from "vitest";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, createOrganization, createRecycler, deviceInState, lifecycleCast } from "~/test/factories";
import { recycleDevice } from "./recycle-device.server";

describe("recycleDevice", () => {
  test("hands the device to the chosen recycler: the event holds its id and the certificate number, never a name", () => {
    const device = deviceInState("collected");
    const { technician, coordinator, itServiceId } = lifecycleCast();
    const recyclerId = createRecycler("GreenCycle NV", "WEEE-BE-0042");
    const recycled = commandValue(recycleDevice(technician, { deviceId: device.id, recyclerId, certificateNumber: " R2-123 " }));
    expect(recycled).toMatchObject({ status: "recycled", holder: { kind: "organization", organizationId: recyclerId }, holderLabel: "GreenCycle NV" });
    const event = listDeviceCustody(device.id).at(-1)!;
    expect(event).toMatchObject({
      type: "recycle",
      fromStatus: "collected",
      toStatus: "recycled",
      fromHolder: { kind: "organization", organizationId: itServiceId },
      toHolder: { kind: "organization", organizationId: recyclerId },
    });
    expect(event.details).toEqual({ recyclerId, certificateNumber: "R2-123" });
    expect(JSON.stringify(event)).not.toContain("GreenCycle");
    expect(recycleDevice(coordinator, { deviceId: device.id, recyclerId, certificateNumber: "X" })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "recycled",
    });
  });

  test("a coordinator recycles straight from registered", () => {
    const device = deviceInState("registered");
    const recycled = commandValue(recycleDevice(lifecycleCast().coordinator, { deviceId: device.id, recyclerId: createRecycler(), certificateNumber: "E-9" }));
    expect(recycled.status).toBe("recycled");
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      fromStatus: "registered",
      fromHolder: { kind: "organization", organizationId: device.departmentId },
    });
  });

  test("an unknown id, or an organization that is not a recycler, is refused on recyclerId and nothing changes", () => {
    const device = deviceInState("collected");
    const { technician, itServiceId } = lifecycleCast();
    const refusal = { ok: false, reason: "invalid-input", fields: { recyclerId: ["errors.recyclerUnknown"] } };
    expect(recycleDevice(technician, { deviceId: device.id, recyclerId: 987_654, certificateNumber: "R2-1" })).toEqual(refusal);
    for (const notARecycler of [itServiceId, createOrganization("school"), createOrganization("department")]) {
      expect(recycleDevice(technician, { deviceId: device.id, recyclerId: notARecycler, certificateNumber: "R2-1" })).toEqual(refusal);
    }
    // A recycler still awaiting approval is no choice either (recyclers are added approved; this one was written by hand).
    expect(recycleDevice(technician, { deviceId: device.id, recyclerId: createOrganization("recycler", "pending"), certificateNumber: "R2-1" })).toEqual(
      refusal,
    );
    expect(getDevice(device.id)).toMatchObject({ status: "collected", holder: device.holder });
    expect(listDeviceCustody(device.id).at(-1)?.type).toBe("collect");
  });

  test("the certificate number is required", () => {
    const device = deviceInState("collected");
    expect(recycleDevice(lifecycleCast().technician, { deviceId: device.id, recyclerId: createRecycler(), certificateNumber: "  " })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { certificateNumber: ["errors.required"] },
    });
    expect(getDevice(device.id)?.status).toBe("collected");
  });

  test("department staff may not recycle; unknown devices are not found", () => {
    const device = deviceInState("registered");
    const recyclerId = createRecycler();
    expect(recycleDevice(createActor("department", device.departmentId), { deviceId: device.id, recyclerId, certificateNumber: "Y" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(recycleDevice(lifecycleCast().technician, { deviceId: 987_654, recyclerId, certificateNumber: "Y" })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "device",
    });
  });

  test("when the event cannot be written, the device keeps its state and holder", () => {
    const device = deviceInState("collected");
    const recyclerId = createRecycler();
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        recycleDevice(lifecycleCast().technician, { deviceId: device.id, recyclerId, certificateNumber: "Y" }),
      ),
    ).toThrow(/forced/);
    expect(getDevice(device.id)).toMatchObject({ status: "collected", holder: device.holder });
  });
});
