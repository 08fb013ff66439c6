import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { wipeRecords } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { sanitizationStatus } from "~/models/wipe.server";
import { concurrentWriter } from "~/test/database";
import { listDeviceCustody } from "~/models/custody.server";
import { getDevice } from "~/models/device.server";
import { commandValue, createActor, createRecycler, deviceInState, lifecycleCast, nextNumber, passingWipe } from "~/test/factories";
import { recycleDevice } from "../devices/recycle-device.server";
import { recordWipe } from "./record-wipe.server";
import { validateWipe } from "./validate-wipe.server";

// Lets one test switch the domain's two-person check off, to see the UPDATE's own condition hold.
const domainCheck = vi.hoisted(() => ({ off: false }));
vi.mock("~/domain/wipes", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/domain/wipes")>();
  return {
    ...actual,
    validationRefusal: (...args: Parameters<typeof actual.validationRefusal>) => (domainCheck.off ? null : actual.validationRefusal(...args)),
  };
});

let performer: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician: performer, validator } = lifecycleCast());
});

/** A collected device with one unvalidated record by `performer`. */
function recorded(fields = passingWipe()) {
  const device = deviceInState("collected");
  const record = commandValue(recordWipe(performer, { deviceId: device.id, mediumId: device.media[0]!.id, ...fields }));
  return { device, record };
}

function stored(wipeId: number) {
  return db.select().from(wipeRecords).where(eq(wipeRecords.id, wipeId)).get()!;
}

describe("validateWipe", () => {
  test("a second technician validates: who, when and for which organization", () => {
    const { device, record } = recorded();
    const at = Date.now() + 60_000;
    const result = validateWipe(validator, { wipeId: record.id, deviceId: device.id }, { now: at });
    expect(result.ok && result.value).toMatchObject({ id: record.id, performedById: performer.userId, validatedById: validator.userId });
    expect(result.ok && result.value.validatorOrganizationName).toEqual(expect.any(String));
    expect(stored(record.id).validatedAt?.getTime()).toBe(at);
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [device.media[0]!.id], complete: true });
  });

  test("refuses roles without wipe.validate, and the record stays unvalidated", () => {
    const { device, record } = recorded();
    expect(validateWipe(lifecycleCast().coordinator, { wipeId: record.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(validateWipe(createActor("department", device.departmentId), { wipeId: record.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(stored(record.id).validatedById).toBeNull();
  });

  test("an unknown record, or a record of another device than the page's, is not found", () => {
    const { record } = recorded();
    const other = deviceInState("collected");
    expect(validateWipe(validator, { wipeId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "wipe" });
    expect(validateWipe(validator, { wipeId: record.id, deviceId: other.id })).toEqual({ ok: false, reason: "not-found", entity: "wipe" });
    expect(stored(record.id).validatedById).toBeNull();
  });

  test("the performer may never validate their own record", () => {
    const { record } = recorded();
    expect(validateWipe(performer, { wipeId: record.id })).toEqual({ ok: false, reason: "same-person" });
    expect(stored(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
  });

  test("a failed record is not validated", () => {
    const { record } = recorded(passingWipe({ result: "fail" }));
    expect(validateWipe(validator, { wipeId: record.id })).toEqual({ ok: false, reason: "failed-record" });
    expect(stored(record.id).validatedById).toBeNull();
  });

  test("validating twice is refused and keeps the first validation", () => {
    const { record } = recorded();
    const first = Date.now() + 60_000;
    expect(validateWipe(validator, { wipeId: record.id }, { now: first }).ok).toBe(true);
    expect(validateWipe(createActor("technician", lifecycleCast().itServiceId), { wipeId: record.id })).toEqual({ ok: false, reason: "already-validated" });
    expect(stored(record.id)).toMatchObject({ validatedById: validator.userId });
    expect(stored(record.id).validatedAt?.getTime()).toBe(first);
  });

  test("a record is validated only while its device is collected", () => {
    const device = deviceInState("collected");
    const record = commandValue(recordWipe(performer, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() }));
    commandValue(recycleDevice(lifecycleCast().coordinator, { deviceId: device.id, recyclerId: createRecycler(), certificateNumber: "R2-1" }));
    expect(validateWipe(validator, { wipeId: record.id })).toEqual({ ok: false, reason: "device-not-collected" });
    expect(stored(record.id).validatedById).toBeNull();
  });

  test("the UPDATE itself keeps the two-person rule when the domain check is bypassed", () => {
    const { record } = recorded();
    domainCheck.off = true;
    try {
      expect(validateWipe(performer, { wipeId: record.id })).toEqual({ ok: false, reason: "conflict" });
    } finally {
      domainCheck.off = false;
    }
    expect(stored(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
  });

  test("a validation committed by another writer while this one waits for the lock is seen: already validated", async () => {
    const { record } = recorded();
    const other = createActor("technician", lifecycleCast().itServiceId);
    const writer = await concurrentWriter(
      `UPDATE wipe_records SET validated_by_id = '${other.userId}', validated_at = ${Date.now()} WHERE id = ${record.id}`,
      300,
    );
    const result = validateWipe(validator, { wipeId: record.id });
    await writer.committed;
    expect(result).toEqual({ ok: false, reason: "already-validated" });
    expect(stored(record.id).validatedById).toBe(other.userId);
  });

  test("validate and certify: the last drive's validation certifies the device in the same transaction, with one certify event", () => {
    const { device, record } = recorded();
    const result = validateWipe(validator, { wipeId: record.id, deviceId: device.id, certify: true });
    expect(result.ok && result.value).toMatchObject({
      id: record.id,
      validatedById: validator.userId,
      certificateNumber: expect.stringMatching(/^WC-\d{4}-\d{6}$/),
    });
    expect(getDevice(device.id)?.status).toBe("wiped");
    expect(listDeviceCustody(device.id).filter((event) => event.type === "certify")).toHaveLength(1);
  });

  test("validate and certify on a device not ready yet refuses, and the validation is rolled back too", () => {
    const device = deviceInState("collected", {
      input: {
        media: [
          { serial: `A-${nextNumber()}`, kind: "HDD", capacityGb: 500 },
          { serial: `B-${nextNumber()}`, kind: "SSD", capacityGb: 256 },
        ],
      },
    });
    const record = commandValue(recordWipe(performer, { deviceId: device.id, mediumId: device.media[0]!.id, ...passingWipe() }));
    expect(validateWipe(validator, { wipeId: record.id, certify: true })).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(stored(record.id).validatedById).toBeNull();
    expect(getDevice(device.id)?.status).toBe("collected");
  });
});
