import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { handoverSignatures, matches } from "~db/schema";
import { db } from "~/db.server";
import { MAX_WRONG_PICKUP_CODES } from "~/domain/pickup";
import { confirmMatch } from "~/commands/matches/confirm-match.server";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { getRequest } from "~/models/request.server";
import { approvedRequest, commandValue, createActor, deviceInState, lifecycleCast, readyForPickup } from "~/test/factories";
import { signHandover } from "./sign-handover.server";

const signaturesOf = (deviceId: number) => db.select().from(handoverSignatures).where(eq(handoverSignatures.deviceId, deviceId)).all();
const signatureCount = () => db.select({ total: count() }).from(handoverSignatures).get()?.total ?? 0;
const storedCode = (deviceId: number) => db.select({ code: matches.pickupCode }).from(matches).where(eq(matches.deviceId, deviceId)).get()?.code ?? null;

/** A device reserved for `requester` and set ready for pickup: its id, request and code. */
function readyDevice(requester = createActor("recipient")) {
  const device = deviceInState("reserved", { requester });
  const { pickupCode } = readyForPickup(device.requestId!, [device.id]);
  return { device, code: pickupCode, requester };
}

describe("signHandover (the recipient with the pickup code)", () => {
  test("the recipient types the code given at the counter: deployed to their organization, signature linked to their account", () => {
    const { device, code, requester: teacher } = readyDevice();
    const [deployed] = commandValue(signHandover(teacher, { deviceIds: [device.id], pickupCode: code.toLowerCase(), signedBy: "Tom Teacher" }));

    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: teacher.organizationId } });
    const [signature] = signaturesOf(device.id);
    expect(signature).toMatchObject({ signedByName: "Tom Teacher", signedByUserId: teacher.userId, recordedById: teacher.userId });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ type: "handover", actorId: teacher.userId, details: { signatureId: signature!.id } });
    expect(getRequest(device.requestId!)?.status).toBe("fulfilled");
  });

  test("a device still on the shelf (reserved, not ready for pickup) cannot be signed for, whatever the code", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    const before = signatureCount();
    expect(signHandover(teacher, { deviceIds: [device.id], pickupCode: "ACEFHJ", signedBy: "Tom Teacher" })).toEqual({
      ok: false,
      reason: "not-ready-for-pickup",
    });
    expect(signatureCount()).toBe(before);
    expect(getDevice(device.id)?.status).toBe("reserved");
  });

  test("a wrong code is a field error and changes nothing; an empty code is required, not counted", () => {
    const { device, code, requester: teacher } = readyDevice();
    const wrong = code === "AAAAAA" ? "CCCCCC" : "AAAAAA";
    expect(signHandover(teacher, { deviceIds: [device.id], pickupCode: wrong, signedBy: "Tom" })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { pickupCode: ["errors.wrongPickupCode"] },
    });
    expect(signHandover(teacher, { deviceIds: [device.id], pickupCode: " ", signedBy: "Tom" })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { pickupCode: ["errors.required"] },
    });
    expect(getDevice(device.id)?.status).toBe("reserved");
    expect(signaturesOf(device.id)).toEqual([]);
    // Still the same code, and it still works.
    expect(storedCode(device.id)).toBe(code);
    expect(commandValue(signHandover(teacher, { deviceIds: [device.id], pickupCode: code, signedBy: "Tom" }))[0]?.status).toBe("deployed");
  });

  test(`after ${MAX_WRONG_PICKUP_CODES} wrong codes the code is replaced: the old one no longer works, the technician's new one does`, () => {
    const { device, code, requester: teacher } = readyDevice();
    const wrong = code === "AAAAAA" ? "CCCCCC" : "AAAAAA";
    for (let attempt = 1; attempt < MAX_WRONG_PICKUP_CODES; attempt += 1) {
      expect(signHandover(teacher, { deviceIds: [device.id], pickupCode: wrong, signedBy: "Tom" })).toMatchObject({
        fields: { pickupCode: ["errors.wrongPickupCode"] },
      });
    }
    expect(signHandover(teacher, { deviceIds: [device.id], pickupCode: wrong, signedBy: "Tom" })).toEqual({
      ok: false,
      reason: "invalid-input",
      fields: { pickupCode: ["errors.pickupCodeReplaced"] },
    });
    const replaced = storedCode(device.id);
    expect(replaced).not.toBe(code);
    expect(replaced).toMatch(/^[ACEFHJKMNPRTWXY3479]{6}$/);
    expect(signHandover(teacher, { deviceIds: [device.id], pickupCode: code, signedBy: "Tom" })).toMatchObject({ reason: "invalid-input" });
    expect(commandValue(signHandover(teacher, { deviceIds: [device.id], pickupCode: replaced!, signedBy: "Tom" }))[0]?.status).toBe("deployed");
  });

  test("several devices of one request are signed for together: one signature and one handover event per device", () => {
    const teacher = createActor("recipient");
    const request = approvedRequest(teacher, { quantity: 2, minRamGb: 0, minStorageGb: 0 });
    const { coordinator } = lifecycleCast();
    const devices = [deviceInState("listed"), deviceInState("listed")];
    for (const device of devices) commandValue(confirmMatch(coordinator, { deviceId: device.id, requestId: request.id }));
    const { pickupCode } = readyForPickup(
      request.id,
      devices.map((device) => device.id),
    );

    const deployed = commandValue(signHandover(teacher, { deviceIds: devices.map((device) => device.id), pickupCode, signedBy: "Tom Teacher" }));

    expect(deployed.map((device) => device.status)).toEqual(["deployed", "deployed"]);
    for (const device of devices) {
      expect(signaturesOf(device.id)).toHaveLength(1);
      expect(listDeviceCustody(device.id).filter((event) => event.type === "handover")).toHaveLength(1);
    }
    expect(getRequest(request.id)).toMatchObject({ fulfilled: 2, status: "fulfilled" });
  });

  test("a colleague of the same school may sign too; an employee signs for their own device", () => {
    const { device, code, requester: teacher } = readyDevice();
    const colleague = createActor("recipient", teacher.organizationId);
    expect(commandValue(signHandover(colleague, { deviceIds: [device.id], pickupCode: code, signedBy: "Colleague" }))[0]?.status).toBe("deployed");

    const own = readyDevice(createActor("employee"));
    expect(commandValue(signHandover(own.requester, { deviceIds: [own.device.id], pickupCode: own.code, signedBy: "Eva Employee" }))[0]?.holder).toEqual({
      kind: "employee",
      userId: own.requester.userId,
    });
  });

  test("someone else's reservation is out of scope, leaves no signature and spends none of the request's attempts", () => {
    const { device, code } = readyDevice();
    const signaturesBefore = signatureCount();
    for (let attempt = 0; attempt < MAX_WRONG_PICKUP_CODES + 1; attempt += 1) {
      expect(signHandover(createActor("recipient"), { deviceIds: [device.id], pickupCode: "AAAAAA", signedBy: "Hanna" })).toEqual({
        ok: false,
        reason: "out-of-scope",
      });
    }
    expect(signHandover(createActor("employee"), { deviceIds: [device.id], pickupCode: code, signedBy: "Eva Employee" })).toEqual({
      ok: false,
      reason: "out-of-scope",
    });
    expect(signatureCount()).toBe(signaturesBefore);
    expect(storedCode(device.id)).toBe(code);
    expect(getDevice(device.id)?.status).toBe("reserved");
  });

  test("staff and members of an organization awaiting approval do not sign this way", () => {
    const { device, code } = readyDevice();
    expect(signHandover(lifecycleCast().technician, { deviceIds: [device.id], pickupCode: code, signedBy: "Tech" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(signHandover(createActor("recipient", undefined, "pending"), { deviceIds: [device.id], pickupCode: code, signedBy: "Pending" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});
