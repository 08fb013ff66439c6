import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { storageAbsenceRecords } from "~db/schema";
import { db, sqlite } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { getDevice } from "~/models/device.server";
import { latestCertificate, sanitizationStatus } from "~/models/wipe.server";
import { concurrentWriter, withTempTrigger } from "~/test/database";
import { commandValue, createActor, deviceInState, lifecycleCast, nextNumber } from "~/test/factories";
import { certifyDevice } from "../devices/certify-device.server";
import { returnDevice } from "../devices/return-device.server";
import { recordStorageAbsence } from "./record-storage-absence.server";
import { validateStorageAbsence } from "./validate-storage-absence.server";

// Lets one test switch the domain's two-person check off, to see the UPDATE's own condition hold.
const domainCheck = vi.hoisted(() => ({ off: false }));
vi.mock("~/domain/wipes", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/domain/wipes")>();
  return {
    ...actual,
    storageAbsenceValidationRefusal: (...args: Parameters<typeof actual.storageAbsenceValidationRefusal>) =>
      domainCheck.off ? null : actual.storageAbsenceValidationRefusal(...args),
  };
});

let recorder: UserActor;
let validator: UserActor;

beforeAll(() => {
  ({ technician: recorder, validator } = lifecycleCast());
});

/** A collected laptop registered without media, with an unvalidated "no storage present" record by `recorder`. */
function recorded(type: "laptop" | "phone" = "laptop") {
  const device = deviceInState("collected", { input: { type, media: [], storageGb: null, assetTag: `NOSTORE-${nextNumber()}` } });
  const record = commandValue(recordStorageAbsence(recorder, { deviceId: device.id, notes: "Drive bay empty" }));
  return { device, record };
}

const stored = (absenceId: number) => db.select().from(storageAbsenceRecords).where(eq(storageAbsenceRecords.id, absenceId)).get()!;

describe("validateStorageAbsence", () => {
  test("a second technician validates: who, when, for which organization; then the device certifies", () => {
    const { device, record } = recorded("phone");
    expect(certifyDevice(recorder, { deviceId: device.id })).toEqual({ ok: false, reason: "storage-not-accounted-for" });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });

    const at = Date.now() + 60_000;
    const result = validateStorageAbsence(validator, { absenceId: record.id, deviceId: device.id }, { now: at });
    expect(result.ok && result.value).toMatchObject({ id: record.id, recordedById: recorder.userId, validatedById: validator.userId });
    expect(result.ok && result.value.validatorOrganizationName).toEqual(expect.any(String));
    expect(stored(record.id).validatedAt?.getTime()).toBe(at);
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: true });

    commandValue(certifyDevice(recorder, { deviceId: device.id }, { now: at + 60_000 }));
    const certificate = latestCertificate(device.id)!;
    expect(certificate.records).toEqual([]);
    expect(certificate.storageAbsence).toMatchObject({
      id: record.id,
      notes: "Drive bay empty",
      recordedById: recorder.userId,
      validatedById: validator.userId,
    });
    expect(stored(record.id).certificateId).toBe(certificate.id);
  });

  test("whoever recorded it may never validate it", () => {
    const { device, record } = recorded();
    expect(validateStorageAbsence(recorder, { absenceId: record.id })).toEqual({ ok: false, reason: "same-person", record: "storage-absence" });
    expect(stored(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
    expect(certifyDevice(validator, { deviceId: device.id })).toEqual({ ok: false, reason: "storage-not-accounted-for" });
    expect(getDevice(device.id)?.status).toBe("collected");
  });

  test("refuses roles without wipe.validate, and the record stays unvalidated", () => {
    const { device, record } = recorded();
    expect(validateStorageAbsence(lifecycleCast().coordinator, { absenceId: record.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(validateStorageAbsence(createActor("department", device.departmentId), { absenceId: record.id })).toEqual({ ok: false, reason: "forbidden" });
    expect(stored(record.id).validatedById).toBeNull();
  });

  test("an unknown record, or one of another device than the page's, is not found", () => {
    const { record } = recorded();
    const other = deviceInState("collected");
    expect(validateStorageAbsence(validator, { absenceId: 987_654 })).toEqual({ ok: false, reason: "not-found", entity: "storage-absence" });
    expect(validateStorageAbsence(validator, { absenceId: record.id, deviceId: other.id })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "storage-absence",
    });
    expect(stored(record.id).validatedById).toBeNull();
  });

  test("validating twice is refused and keeps the first validation", () => {
    const { record } = recorded();
    const first = Date.now() + 60_000;
    commandValue(validateStorageAbsence(validator, { absenceId: record.id }, { now: first }));
    expect(validateStorageAbsence(createActor("technician", lifecycleCast().itServiceId), { absenceId: record.id })).toEqual({
      ok: false,
      reason: "already-validated",
      record: "storage-absence",
    });
    expect(stored(record.id)).toMatchObject({ validatedById: validator.userId });
    expect(stored(record.id).validatedAt?.getTime()).toBe(first);
  });

  test("a record of an earlier cycle is not validated once the device came back", () => {
    const deployed = deviceInState("deployed", { input: { type: "phone", media: [], storageGb: null, assetTag: `NOSTORE-${nextNumber()}` } });
    // Its first cycle's record, as if it had been left unvalidated (a monitor's record can be: its certificate does not need one).
    const [old] = db.select().from(storageAbsenceRecords).where(eq(storageAbsenceRecords.deviceId, deployed.id)).all();
    db.update(storageAbsenceRecords).set({ validatedById: null, validatedAt: null }).where(eq(storageAbsenceRecords.id, old!.id)).run();
    commandValue(returnDevice(lifecycleCast().coordinator, { deviceId: deployed.id }, { now: Date.now() + 60_000 }));
    expect(validateStorageAbsence(validator, { absenceId: old!.id })).toEqual({ ok: false, reason: "invalid-state", status: "collected" });
    expect(stored(old!.id).validatedById).toBeNull();
    expect(certifyDevice(recorder, { deviceId: deployed.id }, { now: Date.now() + 120_000 })).toEqual({ ok: false, reason: "storage-not-accounted-for" });
  });

  test("only while the device is collected", () => {
    const { device, record } = recorded("phone");
    commandValue(validateStorageAbsence(validator, { absenceId: record.id }));
    commandValue(certifyDevice(recorder, { deviceId: device.id }));
    const other = createActor("technician", lifecycleCast().itServiceId);
    expect(validateStorageAbsence(other, { absenceId: record.id })).toEqual({ ok: false, reason: "invalid-state", status: "wiped" });
  });

  test("the UPDATE itself keeps the two-person rule when the domain check is bypassed", () => {
    const { record } = recorded();
    domainCheck.off = true;
    try {
      expect(validateStorageAbsence(recorder, { absenceId: record.id })).toEqual({ ok: false, reason: "conflict" });
    } finally {
      domainCheck.off = false;
    }
    expect(stored(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
  });

  test("when the validation cannot be written, nothing stays", () => {
    const { device, record } = recorded();
    expect(() =>
      withTempTrigger("fail_absence_validation", "BEFORE UPDATE ON storage_absence_records BEGIN SELECT RAISE(ABORT, 'forced'); END", () =>
        validateStorageAbsence(validator, { absenceId: record.id }),
      ),
    ).toThrow(/forced/);
    expect(sqlite.inTransaction).toBe(false);
    expect(stored(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
    expect(certifyDevice(validator, { deviceId: device.id })).toEqual({ ok: false, reason: "storage-not-accounted-for" });
  });

  test("a validation committed by another writer while this one waits for the lock is seen: already validated", async () => {
    const { record } = recorded();
    const other = createActor("technician", lifecycleCast().itServiceId);
    const writer = await concurrentWriter(
      `UPDATE storage_absence_records SET validated_by_id = '${other.userId}', validated_at = ${Date.now()} WHERE id = ${record.id}`,
      300,
    );
    const result = validateStorageAbsence(validator, { absenceId: record.id });
    await writer.committed;
    expect(result).toEqual({ ok: false, reason: "already-validated", record: "storage-absence" });
    expect(stored(record.id).validatedById).toBe(other.userId);
  });
});
