import { beforeAll, describe, expect, test } from "vitest";
import type { UserActor } from "~/domain/lifecycle";
import { selectedDeviceIds } from "~/forms/bulk-device-actions";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { createActor, createOrganization, deviceInState, lifecycleCast } from "~/test/factories";
import { withTempTrigger } from "~/test/database";
import { bulkCollectDevices, bulkListDevices } from "./bulk-transition.server";

let technician: UserActor;
let coordinator: UserActor;

beforeAll(() => {
  technician = createActor("technician", lifecycleCast().itServiceId);
  coordinator = createActor("coordinator", lifecycleCast().itServiceId);
});

const eventTypes = (deviceId: number) => listDeviceCustody(deviceId).map((event) => event.type);

describe("bulkCollectDevices", () => {
  test("collects every device, each with its own collect event", () => {
    const devices = [deviceInState("registered"), deviceInState("registered"), deviceInState("registered")];
    const result = bulkCollectDevices(technician, { deviceIds: devices.map((device) => device.id) });
    expect(result.ok && { succeeded: result.value.succeeded, refused: result.value.refused }).toEqual({ succeeded: 3, refused: 0 });
    expect(result.ok && result.value.outcomes).toEqual(
      devices.map((device) => ({ deviceId: device.id, assetTag: device.assetTag, ok: true, status: "collected" })),
    );
    for (const device of devices) expect(eventTypes(device.id)).toEqual(["register", "collect"]);
    expect(verifyLedger().intact).toBe(true);
  });

  test("reports each refused device by asset tag and reason, and collects the rest", () => {
    const registered = deviceInState("registered");
    const collected = deviceInState("collected");
    const result = bulkCollectDevices(technician, { deviceIds: [registered.id, collected.id, 999_999] });
    expect(result.ok && result.value.outcomes).toEqual([
      { deviceId: registered.id, assetTag: registered.assetTag, ok: true, status: "collected" },
      { deviceId: collected.id, assetTag: collected.assetTag, ok: false, refusal: { reason: "invalid-state", status: "collected" } },
      { deviceId: 999_999, assetTag: null, ok: false, refusal: { reason: "not-found", entity: "device" } },
    ]);
    expect(result.ok && [result.value.succeeded, result.value.refused]).toEqual([1, 2]);
    expect(getDevice(registered.id)?.status).toBe("collected");
    // The refused device was not touched: no second collect event.
    expect(eventTypes(collected.id)).toEqual(["register", "collect"]);
  });

  test("a device named twice is collected once", () => {
    const device = deviceInState("registered");
    const result = bulkCollectDevices(technician, { deviceIds: [device.id, device.id] });
    expect(result.ok && result.value.outcomes).toHaveLength(1);
    expect(eventTypes(device.id)).toEqual(["register", "collect"]);
  });

  test("refuses the whole batch for roles without device.collect, and changes nothing", () => {
    const device = deviceInState("registered");
    for (const actor of [coordinator, createActor("department", device.departmentId), createActor("recipient")]) {
      expect(bulkCollectDevices(actor, { deviceIds: [device.id] })).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(getDevice(device.id)?.status).toBe("registered");
  });

  test("a failure while writing rolls the whole batch back", () => {
    const first = deviceInState("registered");
    const second = deviceInState("registered");
    expect(() =>
      withTempTrigger("fail_second_collect", `BEFORE INSERT ON custody_events WHEN NEW.device_id = ${second.id} BEGIN SELECT RAISE(ABORT, 'forced'); END`, () =>
        bulkCollectDevices(technician, { deviceIds: [first.id, second.id] }),
      ),
    ).toThrow(/forced/);
    expect(getDevice(first.id)?.status).toBe("registered");
    expect(getDevice(second.id)?.status).toBe("registered");
  });
});

describe("bulkListDevices", () => {
  test("lists every certified device with the one grade, one list event each", () => {
    const devices = [deviceInState("wiped"), deviceInState("wiped")];
    const result = bulkListDevices(coordinator, { deviceIds: devices.map((device) => device.id), grade: "A" });
    expect(result.ok && result.value.succeeded).toBe(2);
    for (const device of devices) {
      expect(getDevice(device.id)).toMatchObject({ status: "listed", conditionGrade: "A" });
      expect(eventTypes(device.id).filter((type) => type === "list")).toHaveLength(1);
    }
  });

  test("refuses a device that is not certified yet, listing the others", () => {
    const wiped = deviceInState("wiped");
    const collected = deviceInState("collected");
    const result = bulkListDevices(technician, { deviceIds: [collected.id, wiped.id], grade: "B" });
    expect(result.ok && result.value.outcomes).toEqual([
      { deviceId: collected.id, assetTag: collected.assetTag, ok: false, refusal: { reason: "invalid-state", status: "collected" } },
      { deviceId: wiped.id, assetTag: wiped.assetTag, ok: true, status: "listed" },
    ]);
    expect(getDevice(collected.id)?.conditionGrade).toBeNull();
  });

  test("refuses department staff, even for their own department's devices", () => {
    const departmentId = createOrganization("department");
    const device = deviceInState("wiped", { departmentId });
    expect(bulkListDevices(createActor("department", departmentId), { deviceIds: [device.id], grade: "A" })).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("wiped");
  });

  test("refuses a pending organization's member", () => {
    const pending = createActor("technician", createOrganization("it_service", "pending"), "pending");
    expect(bulkListDevices(pending, { deviceIds: [deviceInState("wiped").id], grade: "A" })).toEqual({ ok: false, reason: "forbidden" });
  });
});

describe("selectedDeviceIds", () => {
  test("reads ticked rows and the page's comma-separated ids, once each", () => {
    expect(selectedDeviceIds(["3", "1,2,3", "4"])).toEqual([3, 1, 2, 4]);
  });

  test("keeps what is not a number as NaN, for the schema to refuse", () => {
    expect(selectedDeviceIds(["x1"]).map(Number.isNaN)).toEqual([true]);
    expect(selectedDeviceIds(["", " "])).toEqual([]);
  });
});
