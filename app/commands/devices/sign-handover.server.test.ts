import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { handoverSignatures } from "~db/schema";
import { db } from "~/db.server";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { getRequest } from "~/models/request.server";
import { commandValue, createActor, deviceInState, lifecycleCast } from "~/test/factories";
import { signHandover } from "./sign-handover.server";

const signaturesOf = (deviceId: number) => db.select().from(handoverSignatures).where(eq(handoverSignatures.deviceId, deviceId)).all();
const signatureCount = () => db.select({ total: count() }).from(handoverSignatures).get()?.total ?? 0;

describe("signHandover", () => {
  test("the recipient signs for their organization's device from their own account", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    const deployed = commandValue(signHandover(teacher, { deviceId: device.id, signedBy: "Tom Teacher" }));

    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: teacher.organizationId } });
    const [signature] = signaturesOf(device.id);
    expect(signature).toMatchObject({ signedByName: "Tom Teacher", signedByUserId: teacher.userId, recordedById: teacher.userId });
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ type: "handover", actorId: teacher.userId, details: { signatureId: signature!.id } });
    expect(getRequest(device.requestId!)?.status).toBe("fulfilled");
  });

  test("a colleague of the same school may sign too; an employee signs for their own device", () => {
    const teacher = createActor("recipient");
    const colleague = createActor("recipient", teacher.organizationId);
    const device = deviceInState("reserved", { requester: teacher });
    expect(commandValue(signHandover(colleague, { deviceId: device.id, signedBy: "Colleague" })).status).toBe("deployed");

    const employee = createActor("employee");
    const own = deviceInState("reserved", { requester: employee });
    expect(commandValue(signHandover(employee, { deviceId: own.id, signedBy: "Eva Employee" })).holder).toEqual({ kind: "employee", userId: employee.userId });
  });

  test("someone else's reservation is out of scope, and leaves no signature", () => {
    const teacher = createActor("recipient");
    const device = deviceInState("reserved", { requester: teacher });
    const signaturesBefore = signatureCount();
    expect(signHandover(createActor("recipient"), { deviceId: device.id, signedBy: "Hanna Harbour" })).toEqual({ ok: false, reason: "out-of-scope" });
    expect(signHandover(createActor("employee"), { deviceId: device.id, signedBy: "Eva Employee" })).toEqual({ ok: false, reason: "out-of-scope" });
    expect(signatureCount()).toBe(signaturesBefore);
    expect(getDevice(device.id)?.status).toBe("reserved");
  });

  test("staff and members of an organization awaiting approval do not sign this way", () => {
    const device = deviceInState("reserved");
    expect(signHandover(lifecycleCast().technician, { deviceId: device.id, signedBy: "Tech" })).toEqual({ ok: false, reason: "forbidden" });
    expect(signHandover(createActor("recipient", undefined, "pending"), { deviceId: device.id, signedBy: "Pending" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});
