import { asc, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { custodyNotes, matches } from "~db/schema";
import { db } from "~/db.server";
import { listDeviceCustody } from "~/models/custody.server";
import { staffCustodyTimeline } from "~/models/device-custody-view.server";
import { getDevice } from "~/models/device.server";
import { reservationOf } from "~/models/match.server";
import { getRequest, openRequestsForMatching } from "~/models/request.server";
import { withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { releaseDevice } from "./release-device.server";

const matchesOf = (deviceId: number) => db.select().from(matches).where(eq(matches.deviceId, deviceId)).orderBy(asc(matches.id)).all();
const noteCount = () => db.select({ total: count() }).from(custodyNotes).get()?.total ?? 0;

describe("releaseDevice", () => {
  test("lists the device again, releases the match, reopens the request's slot and keeps the reason off the ledger", () => {
    const device = deviceInState("reserved");
    const at = Date.now() + 60_000;
    const released = commandValue(
      releaseDevice(lifecycleCast().coordinator, { deviceId: device.id, reason: "The school cancelled the appointment" }, { now: at }),
    );

    expect(released.status).toBe("listed");
    expect(matchesOf(device.id)).toMatchObject([{ requestId: device.requestId, status: "released" }]);
    expect(matchesOf(device.id)[0]?.closedAt?.getTime()).toBe(at);
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({
      type: "release",
      fromStatus: "reserved",
      toStatus: "listed",
      details: { reasonNoteId: expect.any(Number) },
    });
    expect(JSON.stringify(listDeviceCustody(device.id))).not.toContain("cancelled the appointment");
    expect(staffCustodyTimeline(device.id).entries.at(-1)?.details.reason).toBe("The school cancelled the appointment");
    expect(getRequest(device.requestId!)).toMatchObject({ reserved: 0, fulfilled: 0, status: "approved" });
    expect(openRequestsForMatching().find((open) => open.id === device.requestId)?.openSlots).toBe(1);
    expect(reservationOf(device.id)).toBeNull();
  });

  test("a blank reason is refused and leaves no note", () => {
    const device = deviceInState("reserved");
    const notesBefore = noteCount();
    expect(releaseDevice(lifecycleCast().technician, { deviceId: device.id, reason: "  " })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { reason: ["errors.required"] },
    });
    expect(noteCount()).toBe(notesBefore);
    expect(matchesOf(device.id)).toMatchObject([{ status: "confirmed" }]);
  });

  test("recipients and department staff may not release; only a reserved device is released; unknown devices are not found", () => {
    const device = deviceInState("reserved");
    expect(releaseDevice(createActor("recipient"), { deviceId: device.id, reason: "No longer needed" })).toEqual({ ok: false, reason: "forbidden" });
    expect(releaseDevice(createActor("department", device.departmentId), { deviceId: device.id, reason: "No" })).toEqual({ ok: false, reason: "forbidden" });
    expect(releaseDevice(lifecycleCast().technician, { deviceId: deviceInState("listed").id, reason: "Why" })).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "listed",
    });
    expect(releaseDevice(lifecycleCast().technician, { deviceId: 987_654, reason: "Why" })).toEqual({ ok: false, reason: "not-found", entity: "device" });
    expect(getDevice(device.id)?.status).toBe("reserved");
  });

  test("when the event cannot be written, the note, the match and the reservation stay as they were", () => {
    const device = deviceInState("reserved");
    const notesBefore = noteCount();
    expect(() =>
      withTempTrigger("fail_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        releaseDevice(lifecycleCast().technician, { deviceId: device.id, reason: "Rolled back" }),
      ),
    ).toThrow(/forced/);
    expect(noteCount()).toBe(notesBefore);
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(matchesOf(device.id)).toMatchObject([{ status: "confirmed", closedAt: null }]);
  });
});
