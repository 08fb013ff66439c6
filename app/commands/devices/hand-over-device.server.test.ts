import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { custodyEvents, handoverSignatures, matches, notifications } from "~db/schema";
import { db } from "~/db.server";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { reservationOf } from "~/models/match.server";
import { listNotifications } from "~/models/notification.server";
import { getRequest } from "~/models/request.server";
import { withTempTrigger } from "~/test/database";
import { approvedRequest, commandValue, createActor, deviceInState, lifecycleCast, readyForPickup } from "~/test/factories";
import { confirmMatch } from "../matches/confirm-match.server";
import { handOverDevice } from "./hand-over-device.server";

const signaturesOf = (deviceId: number) => db.select().from(handoverSignatures).where(eq(handoverSignatures.deviceId, deviceId)).all();
const matchesOf = (deviceId: number) => db.select().from(matches).where(eq(matches.deviceId, deviceId)).all();
const total = (table: typeof notifications | typeof handoverSignatures | typeof custodyEvents) => db.select({ total: count() }).from(table).get()?.total ?? 0;

describe("handOverDevice", () => {
  test("a technician records the signature: deployed to the school, match closed, request counted, recipient notified", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    const { technician } = lifecycleCast();
    const at = Date.now() + 60_000;

    const deployed = commandValue(handOverDevice(technician, { deviceId: device.id, signedBy: "  Theodora Q. Signatory  " }, { now: at }));

    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: teacher.organizationId } });
    expect(getRequest(device.requestId!)).toMatchObject({ fulfilled: 1, reserved: 0, status: "fulfilled" });
    expect(matchesOf(device.id)).toMatchObject([{ status: "handed-over" }]);
    expect(matchesOf(device.id)[0]?.closedAt?.getTime()).toBe(at);
    const [signature] = signaturesOf(device.id);
    expect(signature).toMatchObject({ signedByName: "Theodora Q. Signatory", signedByUserId: null, recordedById: technician.userId });
    expect(signature?.signedAt.getTime()).toBe(at);
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "handover",
      fromStatus: "reserved",
      toStatus: "deployed",
      actorId: technician.userId,
      details: { signatureId: signature!.id },
    });
    // The name is personal data: it stays out of every hashed event.
    expect(
      db
        .select()
        .from(custodyEvents)
        .where(eq(custodyEvents.deviceId, device.id))
        .all()
        .some((row) => JSON.stringify(row).includes("Signatory")),
    ).toBe(false);
    expect(listNotifications(teacher.userId, 1)[0]).toMatchObject({
      kind: "handoverRecorded",
      values: { request: `#${device.requestId}`, device: `${device.manufacturer} ${device.model}`, assetTag: device.assetTag },
    });
    expect(reservationOf(device.id)).toBeNull();
    expect(verifyLedger().intact).toBe(true);
  });

  test("for an employee's request the employee becomes the holder", () => {
    const employee = createActor("employee");
    const device = deviceInState("reserved", { requester: employee });
    const deployed = commandValue(handOverDevice(lifecycleCast().technician, { deviceId: device.id, signedBy: "Eva Employee" }));
    expect(deployed).toMatchObject({ holder: { kind: "employee", userId: employee.userId } });
    expect(listNotifications(employee.userId, 1)[0]?.kind).toBe("handoverRecorded");
  });

  test("without a reservation there is nothing to hand over, and a device is not handed over twice", () => {
    const { technician } = lifecycleCast();
    const listed = deviceInState("listed");
    expect(handOverDevice(technician, { deviceId: listed.id, signedBy: "Tom" })).toEqual({ ok: false, reason: "no-reservation" });
    const device = deviceInState("deployed");
    const signaturesBefore = total(handoverSignatures);
    expect(handOverDevice(technician, { deviceId: device.id, signedBy: "Tom" })).toEqual({ ok: false, reason: "no-reservation" });
    expect(getRequest(device.requestId!)?.fulfilled).toBe(1);
    expect(total(handoverSignatures)).toBe(signaturesBefore);
    expect(handOverDevice(technician, { deviceId: 987_654, signedBy: "Tom" })).toEqual({ ok: false, reason: "not-found", entity: "device" });
  });

  test("only technicians record a handover (recipients sign with sign-handover); a blank name is refused", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    expect(handOverDevice(teacher, { deviceId: device.id, signedBy: "Tom" })).toEqual({ ok: false, reason: "forbidden" });
    expect(handOverDevice(lifecycleCast().coordinator, { deviceId: device.id, signedBy: "Tom" })).toEqual({ ok: false, reason: "forbidden" });
    expect(handOverDevice(lifecycleCast().technician, { deviceId: device.id, signedBy: " " })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { signedBy: ["errors.required"] },
    });
    expect(getDevice(device.id)?.status).toBe("reserved");
  });

  test("several devices of one request are handed over in one submission, ready for pickup or not: one signature and one event each", () => {
    const teacher = createActor("recipient");
    const request = approvedRequest(teacher, { quantity: 3, minRamGb: 0, minStorageGb: 0 });
    const devices = [deviceInState("listed"), deviceInState("listed"), deviceInState("listed")];
    for (const device of devices) commandValue(confirmMatch(lifecycleCast().coordinator, { deviceId: device.id, requestId: request.id }));
    readyForPickup(request.id, [devices[0]!.id]);
    const [first, second, third] = devices.map((device) => device.id) as [number, number, number];

    const deployed = commandValue(handOverDevice(lifecycleCast().technician, { deviceId: first, signedBy: "Tom Teacher", alsoDeviceIds: [second, first] }));

    expect(deployed.id).toBe(first);
    for (const deviceId of [first, second]) {
      expect(getDevice(deviceId)?.status).toBe("deployed");
      expect(signaturesOf(deviceId)).toMatchObject([{ signedByName: "Tom Teacher" }]);
      expect(listDeviceCustody(deviceId).filter((event) => event.type === "handover")).toHaveLength(1);
    }
    expect(getDevice(third)?.status).toBe("reserved");
    expect(getRequest(request.id)).toMatchObject({ fulfilled: 2, reserved: 1 });
  });

  test("a device of another request is not handed over with them: nothing is", () => {
    const device = deviceInState("reserved");
    const other = deviceInState("reserved");
    expect(handOverDevice(lifecycleCast().technician, { deviceId: device.id, signedBy: "Tom", alsoDeviceIds: [other.id] })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { alsoDeviceIds: ["errors.otherRequest"] },
    });
    expect([getDevice(device.id)?.status, getDevice(other.id)?.status]).toEqual(["reserved", "reserved"]);
  });

  test("when the event cannot be written, no signature, closed match, count or notification is kept", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    const [signaturesBefore, notificationsBefore] = [total(handoverSignatures), total(notifications)];
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        handOverDevice(lifecycleCast().technician, { deviceId: device.id, signedBy: "Tom Teacher" }),
      ),
    ).toThrow(/forced/);
    expect([total(handoverSignatures), total(notifications)]).toEqual([signaturesBefore, notificationsBefore]);
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(matchesOf(device.id)).toMatchObject([{ status: "confirmed", closedAt: null }]);
    expect(getRequest(device.requestId!)).toMatchObject({ fulfilled: 0, reserved: 1, status: "approved" });
  });

  test("when the notification cannot be written, the handover is not kept either", () => {
    const device = deviceInState("reserved");
    const eventsBefore = total(custodyEvents);
    expect(() =>
      withTempTrigger("fail_notification", "BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'forced notification'); END", () =>
        handOverDevice(lifecycleCast().technician, { deviceId: device.id, signedBy: "Tom Teacher" }),
      ),
    ).toThrow(/forced notification/);
    expect(total(custodyEvents)).toBe(eventsBefore);
    expect(signaturesOf(device.id)).toEqual([]);
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(verifyLedger().intact).toBe(true);
  });
});
