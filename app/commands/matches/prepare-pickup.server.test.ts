import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { matches, notifications, outboxEmails, users } from "~db/schema";
import { db } from "~/db.server";
import { getDevice } from "~/models/device.server";
import { listDeviceCustody } from "~/models/custody.server";
import { approvedRequest, commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { confirmMatch } from "./confirm-match.server";
import { preparePickup } from "./prepare-pickup.server";

const day = 24 * 60 * 60 * 1000;
const matchOf = (deviceId: number) => db.select().from(matches).where(eq(matches.deviceId, deviceId)).get();
const notificationsOf = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId)).all();
const mailsTo = (userId: string) => {
  const email = db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()!.email;
  return db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)).all();
};

describe("preparePickup", () => {
  test("sets the reserved device ready with place, window and a 6-character code; no custody event; the school's members are told in their language", () => {
    const teacher = createActor("recipient");
    const colleague = createActor("recipient", teacher.organizationId);
    db.update(users).set({ locale: "en" }).where(eq(users.id, colleague.userId)).run();
    const device = deviceInState("reserved", { requester: teacher });
    const { technician } = lifecycleCast();
    const now = Date.UTC(2026, 11, 2, 9, 0);
    const eventsBefore = listDeviceCustody(device.id).length;

    const prepared = commandValue(
      preparePickup(
        technician,
        { requestId: device.requestId!, deviceIds: [device.id], pickupLocation: "ICT-dienst, Stadhuisplein 1", pickupFrom: now, pickupUntil: now + 7 * day },
        { now },
      ),
    );

    expect(prepared.pickupCode).toMatch(/^[ACEFHJKMNPRTWXY3479]{6}$/);
    expect(matchOf(device.id)).toMatchObject({
      readyById: technician.userId,
      pickupLocation: "ICT-dienst, Stadhuisplein 1",
      pickupCode: prepared.pickupCode,
    });
    expect(matchOf(device.id)?.pickupFrom?.getTime()).toBe(now);
    expect(matchOf(device.id)?.pickupUntil?.getTime()).toBe(now + 7 * day);
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(listDeviceCustody(device.id)).toHaveLength(eventsBefore);

    for (const member of [teacher, colleague]) expect(notificationsOf(member.userId).map((row) => row.kind)).toContain("pickupReady");
    const [dutch] = mailsTo(teacher.userId).filter((mail) => mail.subject.includes("klaar om af te halen"));
    expect(dutch?.body).toContain("ICT-dienst, Stadhuisplein 1");
    expect(dutch?.body).toContain("2 dec 2026, 10:00");
    const [english] = mailsTo(colleague.userId).filter((mail) => mail.subject.includes("ready for pickup"));
    expect(english?.body).toContain("2 Dec 2026, 10:00");
    expect(english?.body).not.toContain(prepared.pickupCode);
  });

  test("the request's reserved devices are set ready in one go and share one code", () => {
    const teacher = createActor("recipient");
    const request = approvedRequest(teacher, { quantity: 3, minRamGb: 0, minStorageGb: 0 });
    const devices = [deviceInState("listed"), deviceInState("listed"), deviceInState("listed")];
    for (const device of devices) commandValue(confirmMatch(lifecycleCast().coordinator, { deviceId: device.id, requestId: request.id }));
    const now = Date.now();

    const prepared = commandValue(
      preparePickup(lifecycleCast().technician, {
        requestId: request.id,
        deviceIds: [devices[0]!.id, devices[1]!.id],
        pickupLocation: "Balie",
        pickupFrom: now,
        pickupUntil: now + day,
      }),
    );

    expect(prepared.devices.map((device) => device.deviceId)).toEqual([devices[0]!.id, devices[1]!.id]);
    expect(matchOf(devices[0]!.id)?.pickupCode).toBe(prepared.pickupCode);
    expect(matchOf(devices[1]!.id)?.pickupCode).toBe(prepared.pickupCode);
    expect(matchOf(devices[2]!.id)).toMatchObject({ readyAt: null, pickupCode: null });
    expect(notificationsOf(teacher.userId).filter((row) => row.kind === "pickupReady")).toHaveLength(1);
  });

  test("only reserved devices of that request; the window must end after it starts and not in the past", () => {
    const device = deviceInState("reserved");
    const listed = deviceInState("listed");
    const { technician } = lifecycleCast();
    const now = Date.now();
    const input = { requestId: device.requestId!, deviceIds: [device.id], pickupLocation: "Balie", pickupFrom: now, pickupUntil: now + day };
    expect(preparePickup(technician, { ...input, deviceIds: [listed.id] })).toEqual({ ok: false, reason: "no-reservation" });
    expect(preparePickup(technician, { ...input, requestId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "request" });
    expect(preparePickup(technician, { ...input, pickupUntil: now - 1 })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { pickupUntil: ["errors.pickupUntilBeforeFrom"] },
    });
    expect(preparePickup(technician, { ...input, pickupFrom: now - 2 * day, pickupUntil: now - day })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { pickupUntil: ["errors.pickupUntilPast"] },
    });
    expect(matchOf(device.id)?.readyAt).toBeNull();
  });

  test("only technicians set devices ready for pickup", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    const now = Date.now();
    const input = { requestId: device.requestId!, deviceIds: [device.id], pickupLocation: "Balie", pickupFrom: now, pickupUntil: now + day };
    expect(preparePickup(teacher, input)).toEqual({ ok: false, reason: "forbidden" });
    expect(preparePickup(lifecycleCast().coordinator, input)).toEqual({ ok: false, reason: "forbidden" });
    expect(preparePickup(createActor("department"), input)).toEqual({ ok: false, reason: "forbidden" });
  });
});
