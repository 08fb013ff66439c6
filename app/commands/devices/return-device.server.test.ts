import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { custodyNotes } from "~db/schema";
import { db } from "~/db.server";
import { listDeviceCustody, verifyLedger } from "~/models/custody.server";
import { staffCustodyTimeline } from "~/models/device-custody-view.server";
import { getDevice } from "~/models/device.server";
import { sanitizationStatus } from "~/models/wipe.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { certifyDevice } from "./certify-device.server";
import { listDevice } from "./list-device.server";
import { returnDevice } from "./return-device.server";

const noteCount = () => db.select({ total: count() }).from(custodyNotes).get()?.total ?? 0;

describe("returnDevice", () => {
  test("the holding school returns it to the IT service, with its reason, and it must be wiped again", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("deployed", { requester: teacher });
    const { itServiceId, technician } = lifecycleCast();

    const returned = commandValue(returnDevice(teacher, { deviceId: device.id, reason: " Broken hinge " }));
    expect(returned).toMatchObject({ status: "collected", holder: { kind: "organization", organizationId: itServiceId } });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "return",
      fromStatus: "deployed",
      toStatus: "collected",
      fromHolder: { kind: "organization", organizationId: teacher.organizationId },
      actorId: teacher.userId,
      details: { reasonNoteId: expect.any(Number) },
    });
    expect(staffCustodyTimeline(device.id).entries.at(-1)?.details.reason).toBe("Broken hinge");

    // The wipes of the previous cycle no longer count.
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    expect(listDevice(technician, { deviceId: device.id, grade: "B" })).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
    expect(certifyDevice(technician, { deviceId: device.id })).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(verifyLedger().intact).toBe(true);
  });

  test("a coordinator returns without a reason: no note is written", () => {
    const device = deviceInState("deployed");
    const notesBefore = noteCount();
    commandValue(returnDevice(lifecycleCast().coordinator, { deviceId: device.id }));
    expect(listDeviceCustody(device.id).at(-1)?.details).toEqual({ reasonNoteId: null });
    expect(noteCount()).toBe(notesBefore);
  });

  test("another school's member is out of scope, employees and technicians may not return", () => {
    const device = deviceInState("deployed");
    expect(returnDevice(createActor("recipient"), { deviceId: device.id })).toEqual({ ok: false, reason: "out-of-scope" });
    expect(returnDevice(createActor("employee"), { deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(returnDevice(lifecycleCast().technician, { deviceId: device.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("deployed");
  });

  test("only a deployed device comes back; unknown devices are not found", () => {
    const { coordinator } = lifecycleCast();
    expect(returnDevice(coordinator, { deviceId: deviceInState("listed").id })).toEqual({ ok: false, reason: "invalid-state", status: "listed" });
    expect(returnDevice(coordinator, { deviceId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "device" });
  });

  test("when the event cannot be written, the reason's note is not kept", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("deployed", { requester: teacher });
    const notesBefore = noteCount();
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        returnDevice(teacher, { deviceId: device.id, reason: "Rolled back" }),
      ),
    ).toThrow(/forced/);
    expect(noteCount()).toBe(notesBefore);
    expect(getDevice(device.id)?.status).toBe("deployed");
  });
});
