import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { custodyEvents, users, wipeCertificates, wipeRecords } from "~db/schema";
import { db, sqlite } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import type { Role } from "~/domain/permissions";
import { listDeviceCustody, verifyLedger } from "./custody.server";
import { publicVerification } from "./device-custody-view.server";
import { applyTransition, getDevice, registerDevice, type DeviceDetail, type DeviceInput, type DeviceMutationResult } from "./device.server";
import { insertOrganization } from "./organization.server";
import { insertUser } from "./user.server";
import { concurrentWriter, withTempTrigger } from "~/test/database";
import {
  certifyDevice,
  latestCertificate,
  listDeviceWipes,
  recordWipe,
  sanitizationStatus,
  validateWipe,
  type RecordWipeResult,
  type ValidateWipeResult,
  type WipeRecordFields,
  type WipeRecordView,
} from "./wipe.server";

const base = Date.UTC(2026, 10, 30, 9, 0, 0);
const minute = 60 * 1000;

let itServiceId: number;
let parksId: number;
let schoolId: number;

let coordinator: UserActor;
let performer: UserActor;
let validator: UserActor;
let thirdTechnician: UserActor;
let parksStaff: UserActor;

let people = 0;

/** A person with a name and an address that cannot turn up in output by accident. */
function person(role: Role, organizationId: number, name: string): UserActor {
  people += 1;
  const userId = insertUser({ email: `${name.toLowerCase().replaceAll(" ", ".")}.${people}@demo.city`, name, role, organizationId, passwordHash: "x" });
  return { kind: "user", userId, role, organizationId, organizationStatus: "approved" };
}

beforeAll(() => {
  itServiceId = insertOrganization({ name: "IT service", kind: "it_service", status: "approved" });
  parksId = insertOrganization({ name: "Parks department", kind: "department", status: "approved" });
  schoolId = insertOrganization({ name: "Sunny Hill School", kind: "school", status: "approved" });
  coordinator = person("coordinator", itServiceId, "Cora Coordinator");
  performer = person("technician", itServiceId, "Petra Performer");
  validator = person("technician", itServiceId, "Victor Validator");
  thirdTechnician = person("technician", itServiceId, "Theo Thirdhand");
  parksStaff = person("department", parksId, "Dora Department");
});

let counter = 0;

function deviceInput(overrides: Partial<DeviceInput> = {}): DeviceInput {
  counter += 1;
  const n = String(counter).padStart(4, "0");
  return {
    assetTag: `WIPE-${n}`,
    serial: `WSN-${n}`,
    manufacturer: "Dell",
    model: "Latitude 5490",
    type: "laptop",
    media: [
      { serial: `WDRV-${n}-A`, kind: "SSD", capacityGb: 256 },
      { serial: `WDRV-${n}-B`, kind: "HDD", capacityGb: 500 },
    ],
    ...overrides,
  };
}

function expectOk(result: DeviceMutationResult): DeviceDetail {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.device;
}

function expectRecorded(result: RecordWipeResult): WipeRecordView {
  if (!result.ok) throw new Error(`Expected a stored record, got ${JSON.stringify(result)}`);
  return result.record;
}

function expectValidated(result: ValidateWipeResult): WipeRecordView {
  if (!result.ok) throw new Error(`Expected a validation, got ${JSON.stringify(result)}`);
  return result.record;
}

function register(overrides: Partial<DeviceInput> = {}, now = base): DeviceDetail {
  return expectOk(registerDevice(deviceInput(overrides), parksId, parksStaff, now));
}

function collect(deviceId: number, now: number): DeviceDetail {
  return expectOk(applyTransition(deviceId, { action: "collect", itServiceId }, performer, now));
}

/** A registered device collected one minute after `start`. */
function collectedDevice(overrides: Partial<DeviceInput> = {}, start = base): DeviceDetail {
  const device = register(overrides, start);
  return collect(device.id, start + minute);
}

const overwritePass: WipeRecordFields = {
  method: "clear",
  technique: "overwrite",
  rounds: 1,
  tool: "nwipe",
  toolVersion: "0.35",
  verification: "full",
  result: "pass",
};

const cryptoErasePass: WipeRecordFields = {
  method: "purge",
  technique: "crypto-erase",
  tool: "hdparm",
  toolVersion: "9.65",
  verification: "sample",
  samplePercent: 10,
  result: "pass",
};

/** Every medium of the device wiped by `performer` at `now` and validated by `validator` a minute later. */
function wipeAllMedia(device: DeviceDetail, now: number): WipeRecordView[] {
  return device.media.map((medium) => {
    const record = expectRecorded(recordWipe(device.id, medium.id, overwritePass, performer.userId, now));
    return expectValidated(validateWipe(record.id, validator.userId, now + minute));
  });
}

function recordRow(wipeId: number) {
  return db.select().from(wipeRecords).where(eq(wipeRecords.id, wipeId)).get();
}

function certificateCount(): number {
  return db.select({ total: count() }).from(wipeCertificates).get()?.total ?? 0;
}

function eventCount(): number {
  return db.select({ total: count() }).from(custodyEvents).get()?.total ?? 0;
}

function wipeRecordCount(): number {
  return db.select({ total: count() }).from(wipeRecords).get()?.total ?? 0;
}

function violationFields(result: RecordWipeResult): string[] {
  if (result.ok || result.reason !== "violations") throw new Error(`Expected violations, got ${JSON.stringify(result)}`);
  return result.violations.map((violation) => violation.field);
}

describe("recordWipe", () => {
  test("records only while the device is collected", () => {
    const device = register();
    const medium = device.media[0]!;
    const recordsBefore = wipeRecordCount();

    expect(recordWipe(device.id, medium.id, overwritePass, performer.userId, base)).toEqual({ ok: false, reason: "invalid-state", status: "registered" });
    expect(wipeRecordCount()).toBe(recordsBefore);
    expect(listDeviceWipes(device.id)).toEqual([]);

    collect(device.id, base + minute);
    const record = expectRecorded(recordWipe(device.id, medium.id, overwritePass, performer.userId, base + 2 * minute));
    expect(record).toMatchObject({ deviceId: device.id, mediumId: medium.id });
    expect(listDeviceWipes(device.id).map((row) => row.id)).toEqual([record.id]);
  });

  test("an unknown medium, a medium of another device, or an unknown device is not-found, and nothing is written", () => {
    const device = collectedDevice();
    const other = collectedDevice();
    const recordsBefore = wipeRecordCount();

    expect(recordWipe(device.id, 987654, overwritePass, performer.userId, base)).toEqual({ ok: false, reason: "not-found" });
    expect(recordWipe(device.id, other.media[0]!.id, overwritePass, performer.userId, base)).toEqual({ ok: false, reason: "not-found" });
    expect(recordWipe(987654, device.media[0]!.id, overwritePass, performer.userId, base)).toEqual({ ok: false, reason: "not-found" });

    expect(wipeRecordCount()).toBe(recordsBefore);
    expect(listDeviceWipes(device.id)).toEqual([]);
    expect(listDeviceWipes(other.id)).toEqual([]);
  });

  test("rule violations are refused, naming the fields, and nothing is written", () => {
    const device = collectedDevice();
    const mediumId = device.media[0]!.id;
    const recordsBefore = wipeRecordCount();
    const attempt = (fields: WipeRecordFields) => recordWipe(device.id, mediumId, fields, performer.userId, base + 2 * minute);

    const destroyByOverwrite = attempt({ ...overwritePass, method: "destroy" });
    expect(destroyByOverwrite).toMatchObject({ ok: false, reason: "violations" });
    expect(violationFields(destroyByOverwrite)).toEqual(["technique"]);

    expect(violationFields(attempt({ ...cryptoErasePass, rounds: 3 }))).toEqual(["rounds"]);
    expect(violationFields(attempt({ ...overwritePass, rounds: null }))).toEqual(["rounds"]);
    expect(violationFields(attempt({ ...overwritePass, verification: "sample" }))).toEqual(["samplePercent"]);
    expect(violationFields(attempt({ ...cryptoErasePass, samplePercent: undefined }))).toEqual(["samplePercent"]);
    expect(violationFields(attempt({ ...overwritePass, startedAt: base + 5 * minute, finishedAt: base + 4 * minute }))).toEqual(["finishedAt"]);
    // Several at once are all named.
    expect(violationFields(attempt({ ...cryptoErasePass, method: "destroy", rounds: 2, samplePercent: null }))).toEqual([
      "technique",
      "rounds",
      "samplePercent",
    ]);

    expect(wipeRecordCount()).toBe(recordsBefore);
    expect(listDeviceWipes(device.id)).toEqual([]);
  });

  test("a valid record is stored with its performer, the time it was recorded and its source", () => {
    const device = collectedDevice();
    const [ssd, hdd] = device.media;
    const at = base + 7 * minute;

    const record = expectRecorded(
      recordWipe(
        device.id,
        ssd!.id,
        {
          ...cryptoErasePass,
          tool: "  hdparm ",
          toolVersion: " 9.65 ",
          startedAt: base + 3 * minute,
          finishedAt: base + 6 * minute,
          notes: "  firmware updated first  ",
        },
        performer.userId,
        at,
      ),
    );
    expect(record).toMatchObject({
      deviceId: device.id,
      mediumId: ssd!.id,
      mediumSerial: ssd!.serial,
      mediumKind: "SSD",
      mediumCapacityGb: 256,
      method: "purge",
      technique: "crypto-erase",
      rounds: null,
      tool: "hdparm",
      toolVersion: "9.65",
      verification: "sample",
      samplePercent: 10,
      result: "pass",
      notes: "firmware updated first",
      source: "manual",
      performedById: performer.userId,
      performedByName: "Petra Performer",
      validatedById: null,
      validatedAt: null,
      validatedByName: null,
      certificateId: null,
    });
    expect(record.recordedAt.getTime()).toBe(at);
    expect(record.startedAt?.getTime()).toBe(base + 3 * minute);
    expect(record.finishedAt?.getTime()).toBe(base + 6 * minute);

    const stored = recordRow(record.id);
    expect(stored).toMatchObject({ performedById: performer.userId, source: "manual", validatedById: null, tool: "hdparm" });
    expect(stored?.recordedAt.getTime()).toBe(at);

    const fromLog = expectRecorded(
      recordWipe(device.id, hdd!.id, { ...overwritePass, result: "fail", notes: "   ", source: "nwipe-log" }, validator.userId, at + minute),
    );
    expect(fromLog).toMatchObject({ mediumId: hdd!.id, source: "nwipe-log", result: "fail", notes: null, rounds: 1, performedById: validator.userId });
    expect(recordRow(fromLog.id)?.source).toBe("nwipe-log");
  });

  test("listDeviceWipes lists only the device's records, in the order they were recorded", () => {
    const device = collectedDevice();
    const other = collectedDevice();
    const late = expectRecorded(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 9 * minute));
    const early = expectRecorded(recordWipe(device.id, device.media[1]!.id, overwritePass, performer.userId, base + 3 * minute));
    expectRecorded(recordWipe(other.id, other.media[0]!.id, overwritePass, performer.userId, base + 5 * minute));

    expect(listDeviceWipes(device.id).map((row) => row.id)).toEqual([early.id, late.id]);
    expect(listDeviceWipes(987654)).toEqual([]);
  });
});

describe("validateWipe: the two-person rule", () => {
  test("the performer may not validate their own record, and it stays unvalidated", () => {
    const device = collectedDevice();
    const record = expectRecorded(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 2 * minute));

    expect(validateWipe(record.id, performer.userId, base + 3 * minute)).toEqual({ ok: false, reason: "same-person" });
    expect(recordRow(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
    expect(sanitizationStatus(device.id).sanitizedMediumIds).toEqual([]);
  });

  test("a failed record is not validated", () => {
    const device = collectedDevice();
    const record = expectRecorded(recordWipe(device.id, device.media[0]!.id, { ...overwritePass, result: "fail" }, performer.userId, base + 2 * minute));

    expect(validateWipe(record.id, validator.userId, base + 3 * minute)).toEqual({ ok: false, reason: "failed-record" });
    expect(recordRow(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
  });

  test("a second technician validates: who, when and for which organization are recorded", () => {
    const device = collectedDevice();
    const record = expectRecorded(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 2 * minute));

    const validated = expectValidated(validateWipe(record.id, validator.userId, base + 4 * minute));
    expect(validated).toMatchObject({
      id: record.id,
      performedById: performer.userId,
      validatedById: validator.userId,
      validatedByName: "Victor Validator",
      validatorOrganizationName: "IT service",
    });
    expect(validated.validatedAt?.getTime()).toBe(base + 4 * minute);
    const stored = recordRow(record.id);
    expect(stored?.validatedById).toBe(validator.userId);
    expect(stored?.validatedAt?.getTime()).toBe(base + 4 * minute);
  });

  test("validating twice is refused and keeps the first validation", () => {
    const device = collectedDevice();
    const record = expectRecorded(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 2 * minute));
    expectValidated(validateWipe(record.id, validator.userId, base + 3 * minute));

    expect(validateWipe(record.id, thirdTechnician.userId, base + 5 * minute)).toEqual({ ok: false, reason: "already-validated" });
    expect(validateWipe(record.id, validator.userId, base + 6 * minute)).toEqual({ ok: false, reason: "already-validated" });
    const stored = recordRow(record.id);
    expect(stored?.validatedById).toBe(validator.userId);
    expect(stored?.validatedAt?.getTime()).toBe(base + 3 * minute);
  });

  test("a record is validated only while its device is collected", () => {
    const device = collectedDevice();
    const [ssd] = device.media;
    const leftOver = expectRecorded(recordWipe(device.id, ssd!.id, cryptoErasePass, performer.userId, base + minute));
    expectOk(applyTransition(device.id, { action: "recycle", recycler: "Galloo", certificateNumber: "R2-1" }, coordinator, base + 2 * minute));
    expect(validateWipe(leftOver.id, validator.userId, base + 3 * minute)).toEqual({ ok: false, reason: "device-not-collected" });
    expect(recordRow(leftOver.id)?.validatedById).toBeNull();
  });

  test("an unknown record is not-found", () => {
    expect(validateWipe(987654, validator.userId, base)).toEqual({ ok: false, reason: "not-found" });
  });

  test("the database condition holds when another validation commits between the check and the write", async () => {
    const device = collectedDevice();
    const record = expectRecorded(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 2 * minute));
    // Another technician's validation holds the write lock while we decide (our read still sees the record unvalidated).
    const writer = await concurrentWriter(
      `UPDATE wipe_records SET validated_by_id = '${validator.userId}', validated_at = ${base + 3 * minute} WHERE id = ${record.id}`,
      1000,
    );
    const started = performance.now();
    const result = validateWipe(record.id, thirdTechnician.userId, base + 4 * minute);
    const waited = performance.now() - started;
    await writer.committed;

    expect(result).toEqual({ ok: false, reason: "already-validated" });
    expect(waited).toBeGreaterThan(100);
    const stored = recordRow(record.id);
    expect(stored?.validatedById).toBe(validator.userId);
    expect(stored?.validatedAt?.getTime()).toBe(base + 3 * minute);
  });

  test.each([
    [
      "the validator becomes the record's performer",
      (wipeId: number) => `UPDATE wipe_records SET performed_by_id = '${thirdTechnician.userId}' WHERE id = ${wipeId}`,
    ],
    ["the record turns out to have failed", (wipeId: number) => `UPDATE wipe_records SET result = 'fail' WHERE id = ${wipeId}`],
  ])("the UPDATE itself refuses when, between the check and the write, %s", async (_case, statement) => {
    const device = collectedDevice();
    const record = expectRecorded(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 2 * minute));
    // The domain check passes on what we read; the row changes before our write gets the lock.
    const writer = await concurrentWriter(statement(record.id), 600);
    const result = validateWipe(record.id, thirdTechnician.userId, base + 4 * minute);
    await writer.committed;

    expect(result.ok).toBe(false);
    expect(recordRow(record.id)).toMatchObject({ validatedById: null, validatedAt: null });
    expect(sanitizationStatus(device.id).sanitizedMediumIds).toEqual([]);
  });
});

describe("sanitizationStatus", () => {
  test("only validated passes since collection count, and the device is complete once every medium has one", () => {
    const registered = register();
    expect(sanitizationStatus(registered.id)).toEqual({ sanitizedMediumIds: [], complete: false });

    const device = collect(registered.id, base + minute);
    const [ssd, hdd] = device.media;
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });

    // A failed record and an unvalidated pass do not count.
    expectRecorded(recordWipe(device.id, ssd!.id, { ...overwritePass, result: "fail" }, performer.userId, base + 2 * minute));
    const unvalidated = expectRecorded(recordWipe(device.id, hdd!.id, overwritePass, performer.userId, base + 2 * minute));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });

    const ssdPass = expectRecorded(recordWipe(device.id, ssd!.id, cryptoErasePass, performer.userId, base + 3 * minute));
    expectValidated(validateWipe(ssdPass.id, validator.userId, base + 4 * minute));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [ssd!.id], complete: false });

    expectValidated(validateWipe(unvalidated.id, thirdTechnician.userId, base + 5 * minute));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [ssd!.id, hdd!.id], complete: true });
  });

  test("a device without storage media is complete once collected, not before", () => {
    const device = register({ media: [] });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    collect(device.id, base + minute);
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: true });
  });
});

describe("certifyDevice", () => {
  test("is refused while any medium lacks a validated pass, and nothing is written", () => {
    const device = collectedDevice();
    const [ssd, hdd] = device.media;
    const [certificatesBefore, eventsBefore] = [certificateCount(), eventCount()];
    const refused = { ok: false, reason: "media-not-sanitized" };

    expect(certifyDevice(device.id, performer, base + 2 * minute)).toEqual(refused);

    const ssdPass = expectRecorded(recordWipe(device.id, ssd!.id, overwritePass, performer.userId, base + 3 * minute));
    expectValidated(validateWipe(ssdPass.id, validator.userId, base + 4 * minute));
    expectRecorded(recordWipe(device.id, hdd!.id, overwritePass, performer.userId, base + 5 * minute)); // not validated
    expectRecorded(recordWipe(device.id, hdd!.id, { ...overwritePass, result: "fail" }, performer.userId, base + 6 * minute));
    expect(certifyDevice(device.id, validator, base + 7 * minute)).toEqual(refused);

    expect(getDevice(device.id)?.status).toBe("collected");
    expect(latestCertificate(device.id)).toBeNull();
    expect([certificateCount(), eventCount()]).toEqual([certificatesBefore, eventsBefore]);
    expect(listDeviceWipes(device.id).every((record) => record.certificateId === null)).toBe(true);
  });

  test("only a technician certifies", () => {
    const device = collectedDevice();
    wipeAllMedia(device, base + 2 * minute);
    expect(certifyDevice(device.id, coordinator, base + 5 * minute)).toEqual({ ok: false, reason: "forbidden" });
    expect(certifyDevice(device.id, parksStaff, base + 5 * minute)).toEqual({ ok: false, reason: "forbidden" });
    expect(getDevice(device.id)?.status).toBe("collected");
    expect(latestCertificate(device.id)).toBeNull();
  });

  test("an unknown device is not-found", () => {
    expect(certifyDevice(987654, performer, base)).toEqual({ ok: false, reason: "not-found" });
  });

  test("certifies: the device is wiped, certificates are numbered per year, records are linked, and the event carries the number", () => {
    // A year of its own, so that the sequence starts at 1 whatever else this file certifies.
    const start = Date.UTC(2031, 2, 1, 9, 0, 0);
    const first = collectedDevice({}, start);
    const second = collectedDevice({}, start + 60 * minute);
    const firstRecords = wipeAllMedia(first, start + 2 * minute);
    const secondRecords = wipeAllMedia(second, start + 62 * minute);
    const eventsBefore = eventCount();

    const certified = expectOk(certifyDevice(first.id, validator, start + 10 * minute));
    expect(certified.status).toBe("wiped");
    expect(certified.holder).toEqual({ kind: "organization", organizationId: itServiceId });
    expect(eventCount()).toBe(eventsBefore + 1);

    const certificate = latestCertificate(first.id);
    expect(certificate).toMatchObject({ number: "WC-2031-000001", issuedByName: "Victor Validator" });
    expect(certificate?.issuedAt.getTime()).toBe(start + 10 * minute);
    expect(certificate?.records.map((record) => record.id)).toEqual(firstRecords.map((record) => record.id));
    expect(certificate?.records.map((record) => record.mediumId)).toEqual(first.media.map((medium) => medium.id));
    expect(certificate?.records.every((record) => record.certificateId === certificate.id && record.validatedById === validator.userId)).toBe(true);

    const last = listDeviceCustody(first.id).at(-1);
    expect(last).toMatchObject({
      type: "certify",
      fromStatus: "collected",
      toStatus: "wiped",
      actorId: validator.userId,
      at: start + 10 * minute,
      details: { certificateNumber: "WC-2031-000001" },
    });

    expectOk(certifyDevice(second.id, performer, start + 70 * minute));
    const secondCertificate = latestCertificate(second.id);
    expect(secondCertificate?.number).toBe("WC-2031-000002");
    expect(secondCertificate?.records.map((record) => record.id)).toEqual(secondRecords.map((record) => record.id));
    expect(listDeviceCustody(second.id).at(-1)?.details).toEqual({ certificateNumber: "WC-2031-000002" });
    // The first device's certificate is untouched.
    expect(latestCertificate(first.id)?.number).toBe("WC-2031-000001");

    expect(verifyLedger().intact).toBe(true);
  });

  test("links each medium's latest validated pass, not failed or unvalidated records", () => {
    const device = collectedDevice();
    const [ssd, hdd] = device.media;
    const failed = expectRecorded(recordWipe(device.id, ssd!.id, { ...overwritePass, result: "fail" }, performer.userId, base + 2 * minute));
    const olderPass = expectRecorded(recordWipe(device.id, ssd!.id, overwritePass, performer.userId, base + 3 * minute));
    const newerPass = expectRecorded(recordWipe(device.id, ssd!.id, cryptoErasePass, performer.userId, base + 4 * minute));
    const hddPass = expectRecorded(recordWipe(device.id, hdd!.id, overwritePass, performer.userId, base + 5 * minute));
    const hddUnvalidated = expectRecorded(recordWipe(device.id, hdd!.id, overwritePass, performer.userId, base + 6 * minute));
    for (const record of [olderPass, newerPass, hddPass]) expectValidated(validateWipe(record.id, validator.userId, base + 7 * minute));

    expectOk(certifyDevice(device.id, validator, base + 8 * minute));
    const certificate = latestCertificate(device.id);
    expect(certificate?.records.map((record) => record.id)).toEqual([newerPass.id, hddPass.id]);
    for (const record of [failed, olderPass, hddUnvalidated]) expect(recordRow(record.id)?.certificateId).toBeNull();
  });

  test("a device without storage media is certified straight after collection, on a certificate without records", () => {
    const device = collectedDevice({ media: [] });
    const certified = expectOk(certifyDevice(device.id, performer, base + 2 * minute));
    expect(certified.status).toBe("wiped");
    const certificate = latestCertificate(device.id);
    expect(certificate?.number).toMatch(/^WC-2026-\d{6}$/);
    expect(certificate?.records).toEqual([]);
    expect(listDeviceCustody(device.id).at(-1)).toMatchObject({ type: "certify", details: { certificateNumber: certificate?.number } });
  });

  test("a wiped device takes no more wipe records and cannot be certified again", () => {
    const device = collectedDevice();
    wipeAllMedia(device, base + 2 * minute);
    expectOk(certifyDevice(device.id, performer, base + 5 * minute));
    const certificatesBefore = certificateCount();

    expect(recordWipe(device.id, device.media[0]!.id, overwritePass, performer.userId, base + 6 * minute)).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "wiped",
    });
    expect(certifyDevice(device.id, performer, base + 7 * minute)).toEqual({ ok: false, reason: "invalid-state", status: "wiped" });
    expect(certificateCount()).toBe(certificatesBefore);
  });

  test("atomicity: when the custody event cannot be written, no certificate is kept and the device stays collected", () => {
    const device = collectedDevice();
    const records = wipeAllMedia(device, base + 2 * minute);
    const [certificatesBefore, eventsBefore] = [certificateCount(), eventCount()];

    withTempTrigger("fail_certify_event", "BEFORE INSERT ON custody_events BEGIN SELECT RAISE(ABORT, 'forced'); END;", () => {
      expect(() => certifyDevice(device.id, performer, base + 10 * minute)).toThrow(/forced/);
    });

    expect(sqlite.inTransaction).toBe(false);
    expect([certificateCount(), eventCount()]).toEqual([certificatesBefore, eventsBefore]);
    expect(latestCertificate(device.id)).toBeNull();
    for (const record of records) expect(recordRow(record.id)?.certificateId).toBeNull();
    const after = getDevice(device.id);
    expect(after?.status).toBe("collected");
    expect(after?.updatedAt.getTime()).toBe(base + minute);
    expect(listDeviceCustody(device.id).at(-1)?.type).toBe("collect");

    // Nothing half-written blocks a retry.
    expectOk(certifyDevice(device.id, performer, base + 11 * minute));
    expect(certificateCount()).toBe(certificatesBefore + 1);
    expect(latestCertificate(device.id)?.records.map((record) => record.id)).toEqual(records.map((record) => record.id));
    expect(verifyLedger().intact).toBe(true);
  });
});

describe("a returned device needs a new wipe", () => {
  test("wipes of the earlier cycle no longer count after a return; new ones certify it again", () => {
    const device = collectedDevice();
    const oldRecords = wipeAllMedia(device, base + 2 * minute);
    expectOk(certifyDevice(device.id, performer, base + 5 * minute));
    const oldCertificate = latestCertificate(device.id)!;
    expect(oldCertificate.number).toMatch(/^WC-2026-\d{6}$/);

    expect(expectOk(applyTransition(device.id, { action: "list", grade: "B" }, performer, base + 6 * minute)).status).toBe("listed");
    expect(expectOk(applyTransition(device.id, { action: "reserve" }, coordinator, base + 7 * minute)).status).toBe("reserved");
    const deployed = expectOk(
      applyTransition(device.id, { action: "handover", recipient: { kind: "organization", organizationId: schoolId } }, validator, base + 8 * minute),
    );
    expect(deployed).toMatchObject({ status: "deployed", holder: { kind: "organization", organizationId: schoolId }, holderLabel: "Sunny Hill School" });

    const returned = expectOk(applyTransition(device.id, { action: "return", itServiceId }, coordinator, base + 60 * minute));
    expect(returned).toMatchObject({ status: "collected", holder: { kind: "organization", organizationId: itServiceId } });

    // The old wipes predate the return.
    expect(certifyDevice(device.id, performer, base + 61 * minute)).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [], complete: false });
    expect(applyTransition(device.id, { action: "list", grade: "B" }, performer, base + 61 * minute)).toEqual({
      ok: false,
      reason: "invalid-state",
      status: "collected",
    });
    expect(getDevice(device.id)?.status).toBe("collected");
    // The public page no longer vouches for the old certificate: this cycle has none yet.
    expect(publicVerification(device.publicId)).toMatchObject({ hasWipeCertificate: false, certificate: null });
    // Their history is kept, still on the old certificate.
    expect(listDeviceWipes(device.id).map((record) => [record.id, record.certificateId])).toEqual(oldRecords.map((record) => [record.id, oldCertificate.id]));

    // One medium wiped again is not enough.
    const [ssd, hdd] = returned.media;
    const ssdAgain = expectRecorded(recordWipe(device.id, ssd!.id, cryptoErasePass, performer.userId, base + 62 * minute));
    expectValidated(validateWipe(ssdAgain.id, validator.userId, base + 63 * minute));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [ssd!.id], complete: false });
    expect(certifyDevice(device.id, performer, base + 64 * minute)).toEqual({ ok: false, reason: "media-not-sanitized" });

    const hddAgain = expectRecorded(recordWipe(device.id, hdd!.id, overwritePass, validator.userId, base + 65 * minute));
    expectValidated(validateWipe(hddAgain.id, thirdTechnician.userId, base + 66 * minute));
    expect(sanitizationStatus(device.id)).toEqual({ sanitizedMediumIds: [ssd!.id, hdd!.id], complete: true });

    expect(expectOk(certifyDevice(device.id, performer, base + 67 * minute)).status).toBe("wiped");
    const newCertificate = latestCertificate(device.id)!;
    expect(newCertificate.number).toMatch(/^WC-2026-\d{6}$/);
    expect(newCertificate.number).not.toBe(oldCertificate.number);
    expect(Number(newCertificate.number.slice(-6))).toBeGreaterThan(Number(oldCertificate.number.slice(-6)));
    expect(newCertificate.records.map((record) => record.id)).toEqual([ssdAgain.id, hddAgain.id]);
    for (const record of oldRecords) expect(recordRow(record.id)?.certificateId).toBe(oldCertificate.id);

    expect(listDeviceCustody(device.id).map((event) => event.type)).toEqual([
      "register",
      "collect",
      "certify",
      "list",
      "reserve",
      "handover",
      "return",
      "certify",
    ]);
    expect(listDeviceCustody(device.id).at(-1)?.details).toEqual({ certificateNumber: newCertificate.number });
    expect(publicVerification(device.publicId)?.certificate?.number).toBe(newCertificate.number);
    expect(expectOk(applyTransition(device.id, { action: "list", grade: "B" }, performer, base + 68 * minute)).status).toBe("listed");
    expect(verifyLedger().intact).toBe(true);
  });
});

describe("publicVerification", () => {
  test("shows the certificate, each medium's method and validating organization, and no person's name or e-mail", () => {
    const device = collectedDevice();
    const [ssd, hdd] = device.media;
    const ssdRecord = expectRecorded(
      recordWipe(
        device.id,
        ssd!.id,
        { ...cryptoErasePass, notes: "Petra Performer (petra.performer@demo.city) did this one" },
        performer.userId,
        base + 2 * minute,
      ),
    );
    const hddRecord = expectRecorded(recordWipe(device.id, hdd!.id, overwritePass, performer.userId, base + 3 * minute));
    expectValidated(validateWipe(ssdRecord.id, validator.userId, base + 4 * minute));
    expectValidated(validateWipe(hddRecord.id, validator.userId, base + 4 * minute));
    expectOk(certifyDevice(device.id, validator, base + 5 * minute));
    expectOk(applyTransition(device.id, { action: "list", grade: "A" }, coordinator, base + 6 * minute));
    const certificate = latestCertificate(device.id)!;

    const verification = publicVerification(device.publicId);
    expect(verification).not.toBeNull();
    expect(verification?.device).toEqual({ publicId: device.publicId, type: "laptop", manufacturer: "Dell", model: "Latitude 5490", status: "listed" });
    expect(verification?.hasWipeCertificate).toBe(true);
    expect(verification?.certificate).toEqual({
      number: certificate.number,
      issuedAt: base + 5 * minute,
      media: [
        { kind: "SSD", capacityGb: 256, method: "purge", technique: "crypto-erase", result: "pass", validatorOrganization: "IT service" },
        { kind: "HDD", capacityGb: 500, method: "clear", technique: "overwrite", result: "pass", validatorOrganization: "IT service" },
      ],
    });
    const certifyEvent = verification?.events.find((event) => event.type === "certify");
    expect(certifyEvent).toMatchObject({ actorRole: "technician", details: { certificateNumber: certificate.number } });
    expect(verification?.events.find((event) => event.type === "list")?.details).toEqual({ grade: "A" });
    expect(verification?.deviceChainIntact).toBe(true);

    const json = JSON.stringify(verification);
    expect(json).toContain(certificate.number);
    const everyone = db.select({ id: users.id, name: users.name, email: users.email }).from(users).all();
    expect(everyone.length).toBeGreaterThanOrEqual(5);
    for (const someone of everyone) {
      expect(json).not.toContain(someone.name);
      expect(json).not.toContain(someone.email);
      expect(json).not.toContain(someone.id);
    }
    expect(json).not.toMatch(/@demo\.city/);
    expect(json).not.toContain("did this one");
  });

  test("a device without a certificate says so; an unknown public id is null", () => {
    const device = collectedDevice();
    const verification = publicVerification(device.publicId);
    expect(verification).toMatchObject({ hasWipeCertificate: false, certificate: null, device: { status: "collected" } });
    expect(verification?.events.map((event) => event.type)).toEqual(["register", "collect"]);
    expect(publicVerification("no-such-public-id")).toBeNull();
  });
});
