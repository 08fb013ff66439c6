import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decideTransition } from "./lifecycle";
import { deviceTypes, holdsStorage, storageHoldingDeviceTypes, type DeviceType } from "./devices";
import {
  attemptsSinceCollection,
  certificateNumber,
  certificationReadiness,
  currentStorageAbsence,
  decidingAttempt,
  decidingAttemptIds,
  everyMediumSanitized,
  mediumIsSanitized,
  sanitizationMethods,
  sanitizationTechniques,
  techniquesByMethod,
  validationRefusal,
  storageAbsenceRecordingRefusal,
  storageAbsenceValidationRefusal,
  wipeRecordViolations,
  type CertificationReadiness,
  type RecordedStorageAbsence,
  type RecordedWipe,
  type StorageAbsenceRecordingRefusal,
  type WipeRecordInput,
} from "./wipes";

const base: WipeRecordInput = { method: "clear", technique: "overwrite", rounds: 1, verification: "full", result: "pass" };

describe("method and technique must agree", () => {
  const destroying = new Set(techniquesByMethod.destroy);

  test("every technique carries out some method", () => {
    const used = new Set(sanitizationMethods.flatMap((method) => techniquesByMethod[method]));
    expect(sanitizationTechniques.filter((technique) => !used.has(technique))).toEqual([]);
  });

  test("a destroy technique never carries out clear or purge, and clear and purge never destroy", () => {
    for (const method of ["clear", "purge"] as const) {
      expect(
        techniquesByMethod[method].filter((technique) => destroying.has(technique)),
        method,
      ).toEqual([]);
    }
    expect(destroying.has("overwrite")).toBe(false);
  });

  test("clear is done by ordinary writes only: overwrite, nothing the drive's firmware does", () => {
    expect(techniquesByMethod.clear).toEqual(["overwrite"]);
  });

  test("for any record, the technique is refused exactly when its method does not list it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...sanitizationMethods), fc.constantFrom(...sanitizationTechniques), (method, technique) => {
        const record: WipeRecordInput = { ...base, method, technique, rounds: technique === "overwrite" ? 3 : null };
        const refused = wipeRecordViolations(record).filter((violation) => violation.field === "technique");
        expect(refused.length > 0).toBe(!techniquesByMethod[method].includes(technique));
        expect(wipeRecordViolations(record).filter((violation) => violation.field !== "technique")).toEqual([]);
      }),
    );
  });

  test("destroy techniques belong to destroy only", () => {
    for (const technique of techniquesByMethod.destroy) {
      expect(wipeRecordViolations({ ...base, method: "purge", technique, rounds: null })).toContainEqual({
        field: "technique",
        message: "errors.wipe.techniqueForMethod",
      });
    }
    expect(wipeRecordViolations({ ...base, method: "destroy", technique: "overwrite", rounds: 1 })).toContainEqual({
      field: "technique",
      message: "errors.wipe.destroyTechnique",
    });
  });

  test("a pass count only for overwrite, and always for overwrite", () => {
    expect(wipeRecordViolations({ ...base, rounds: null })).toEqual([{ field: "rounds", message: "errors.wipe.roundsRequired" }]);
    expect(wipeRecordViolations({ ...base, method: "purge", technique: "crypto-erase", rounds: 1 })).toEqual([
      { field: "rounds", message: "errors.wipe.roundsOnlyForOverwrite" },
    ]);
    expect(wipeRecordViolations({ ...base, method: "destroy", technique: "shred", rounds: null })).toEqual([]);
  });

  test("a sample percentage only for sample verification, and always for it", () => {
    expect(wipeRecordViolations({ ...base, verification: "sample", samplePercent: null })).toEqual([
      { field: "samplePercent", message: "errors.wipe.samplePercentRequired" },
    ]);
    expect(wipeRecordViolations({ ...base, verification: "sample", samplePercent: 10 })).toEqual([]);
    expect(wipeRecordViolations({ ...base, verification: "full", samplePercent: 10 })).toEqual([
      { field: "samplePercent", message: "errors.wipe.samplePercentOnlyForSample" },
    ]);
  });

  test("a wipe cannot finish before it started", () => {
    expect(wipeRecordViolations({ ...base, startedAt: 2000, finishedAt: 1000 })).toEqual([
      { field: "finishedAt", message: "errors.wipe.finishedBeforeStarted" },
    ]);
  });
});

describe("the two-person rule", () => {
  const record = { performedById: "ines", result: "pass" as const, validatedById: null };

  test("the performer can never validate their own record", () => {
    expect(validationRefusal(record, "ines")).toBe("same-person");
  });

  test("a second technician can", () => {
    expect(validationRefusal(record, "karim")).toBeNull();
  });

  test("a failed record is never validated, and a record only once", () => {
    expect(validationRefusal({ ...record, result: "fail" }, "karim")).toBe("failed-record");
    expect(validationRefusal({ ...record, validatedById: "karim" }, "someone")).toBe("already-validated");
  });

  test("for any two people, validation passes exactly when they differ", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (performer, validator) => {
        expect(validationRefusal({ ...record, performedById: performer }, validator) === null).toBe(performer !== validator);
      }),
    );
  });
});

describe("when a device is sanitized", () => {
  const collectedAt = 1_000;
  let nextId = 0;
  const attempt = (mediumId: number, result: "pass" | "fail", validatedById: string | null, recordedAt: number, id = ++nextId): RecordedWipe => ({
    id,
    mediumId,
    result,
    validatedById,
    recordedAt,
  });
  const validated = (mediumId: number, recordedAt = 2_000): RecordedWipe => attempt(mediumId, "pass", "karim", recordedAt);

  test("every medium needs a validated pass", () => {
    expect(everyMediumSanitized([1, 2], [validated(1)], collectedAt)).toBe(false);
    expect(everyMediumSanitized([1, 2], [validated(1), { ...validated(2), validatedById: null }], collectedAt)).toBe(false);
    expect(everyMediumSanitized([1, 2], [validated(1), { ...validated(2), result: "fail" }], collectedAt)).toBe(false);
    expect(everyMediumSanitized([1, 2], [validated(1), validated(2)], collectedAt)).toBe(true);
  });

  // Each row: the attempts on one medium since collection, in the order they were made; whether it is sanitized.
  test.each([
    { attempts: "nothing yet", records: [], sanitized: false },
    { attempts: "a validated pass", records: [["pass", "karim"]], sanitized: true },
    { attempts: "a pass awaiting validation", records: [["pass", null]], sanitized: false },
    { attempts: "a fail", records: [["fail", null]], sanitized: false },
    {
      attempts: "a fail, then a validated pass (or destruction)",
      records: [
        ["fail", null],
        ["pass", "karim"],
      ],
      sanitized: true,
    },
    {
      attempts: "a validated pass, then a fail",
      records: [
        ["pass", "karim"],
        ["fail", null],
      ],
      sanitized: false,
    },
    {
      attempts: "a validated pass, a fail, then a new validated pass",
      records: [
        ["pass", "karim"],
        ["fail", null],
        ["pass", "karim"],
      ],
      sanitized: true,
    },
    {
      attempts: "a validated pass, a fail, then a new pass not validated yet",
      records: [
        ["pass", "karim"],
        ["fail", null],
        ["pass", null],
      ],
      sanitized: false,
    },
    {
      attempts: "a validated pass, then a new pass not validated yet",
      records: [
        ["pass", "karim"],
        ["pass", null],
      ],
      sanitized: false,
    },
  ] satisfies { attempts: string; records: ["pass" | "fail", string | null][]; sanitized: boolean }[])(
    "the latest attempt decides: $attempts → sanitized: $sanitized",
    ({ records, sanitized }) => {
      const wipes = records.map(([result, validatedById], index) => attempt(1, result, validatedById, 2_000 + index * 100));
      expect(mediumIsSanitized(1, wipes, collectedAt)).toBe(sanitized);
      // The order they are handed over in does not matter: the time they were recorded does.
      expect(mediumIsSanitized(1, [...wipes].reverse(), collectedAt)).toBe(sanitized);
    },
  );

  test("two attempts recorded in the same millisecond: the later id decides", () => {
    const pass = attempt(1, "pass", "karim", 2_000, 10);
    const fail = attempt(1, "fail", null, 2_000, 11);
    expect(decidingAttempt(1, [fail, pass], collectedAt)).toBe(fail);
    expect(mediumIsSanitized(1, [fail, pass], collectedAt)).toBe(false);
    expect(mediumIsSanitized(1, [{ ...fail, id: 9 }, pass], collectedAt)).toBe(true);
  });

  test("attempts on other media and before the collection do not decide", () => {
    const records = [validated(1, 2_000), attempt(2, "fail", null, 3_000), attempt(1, "fail", null, 500)];
    expect(decidingAttempt(1, records, collectedAt)).toBe(records[0]);
    expect(mediumIsSanitized(1, records, collectedAt)).toBe(true);
  });

  test("decidingAttemptIds picks each medium's latest attempt", () => {
    const records = [validated(1, 2_000), attempt(1, "fail", null, 3_000), validated(2, 2_500), attempt(2, "pass", "karim", 2_500, 1)];
    expect([...decidingAttemptIds(records)].sort()).toEqual([records[1]!.id, records[2]!.id].sort());
  });

  test("attemptsSinceCollection lists every attempt of the cycle, failures included, oldest first", () => {
    const late = validated(2, 4_000);
    const failed = attempt(1, "fail", null, 2_000);
    const old = validated(1, 500);
    const pass = validated(1, 3_000);
    expect(attemptsSinceCollection([late, failed, old, pass], collectedAt)).toEqual([failed, pass, late]);
  });

  test("a returned device needs a new wipe: records from before its last collection do not count", () => {
    const returnedAt = 5_000;
    expect(everyMediumSanitized([1], [validated(1, 2_000)], returnedAt)).toBe(false);
    expect(everyMediumSanitized([1], [validated(1, 2_000), validated(1, 6_000)], returnedAt)).toBe(true);
  });

  test("for any attempts, a medium is sanitized exactly when its latest one passed and was validated", () => {
    const attemptArbitrary = fc.record({
      result: fc.constantFrom("pass" as const, "fail" as const),
      validatedById: fc.constantFrom("karim", null),
      recordedAt: fc.integer({ min: 0, max: 3_000 }),
    });
    fc.assert(
      fc.property(fc.array(attemptArbitrary, { maxLength: 8 }), (drafts) => {
        const records = drafts.map((draft, index) => ({ ...draft, id: index + 1, mediumId: 1 }));
        const ofCycle = records.filter((record) => record.recordedAt >= collectedAt);
        const latest = ofCycle.reduce<RecordedWipe | null>(
          (found, record) =>
            found === null || record.recordedAt > found.recordedAt || (record.recordedAt === found.recordedAt && record.id > found.id) ? record : found,
          null,
        );
        expect(mediumIsSanitized(1, records, collectedAt)).toBe(latest !== null && latest.result === "pass" && latest.validatedById !== null);
      }),
    );
  });

  test("the lifecycle refuses to certify until then", () => {
    const facts = { status: "collected" as const, owningDepartmentId: 1, holder: { kind: "organization" as const, organizationId: 2 } };
    const technician = { kind: "user" as const, userId: "ines", role: "technician" as const, organizationId: 2, organizationStatus: "approved" as const };
    const input = { action: "certify" as const, certificateNumber: certificateNumber(2026, 1) };
    const readiness = (wipes: RecordedWipe[]) =>
      certificationReadiness({ deviceType: "laptop", mediumIds: [1], wipes, storageAbsences: [], lastCollectedAt: collectedAt });
    expect(decideTransition({ ...facts, certificationReadiness: readiness([]) }, input, technician)).toEqual({ ok: false, reason: "media-not-sanitized" });
    expect(decideTransition({ ...facts, certificationReadiness: readiness([validated(1)]) }, input, technician).ok).toBe(true);
    expect(decideTransition({ ...facts, certificationReadiness: readiness([validated(1), attempt(1, "fail", null, 2_500)]) }, input, technician)).toEqual({
      ok: false,
      reason: "media-not-sanitized",
    });
  });
});

describe("devices without storage media", () => {
  const collectedAt = 1_000;
  const absence = (overrides: Partial<RecordedStorageAbsence> = {}): RecordedStorageAbsence => ({
    id: 1,
    recordedById: "ines",
    recordedAt: 2_000,
    validatedById: "karim",
    ...overrides,
  });
  const validatedPass: RecordedWipe = { id: 1, mediumId: 1, result: "pass", validatedById: "karim", recordedAt: 2_000 };

  test("the types that hold storage are laptops, desktops, tablets and phones", () => {
    expect([...storageHoldingDeviceTypes].sort()).toEqual(["desktop", "laptop", "phone", "tablet"]);
    expect(deviceTypes.filter((type) => !holdsStorage(type))).toEqual(["monitor", "other"]);
  });

  // Each row: the device's type, media, wipes and "no storage present" records; whether it may be certified.
  test.each([
    { case: "a laptop without media or record", type: "laptop", media: [], wipes: [], absences: [], readiness: "storage-not-accounted-for" },
    {
      case: "a phone without media, record awaiting validation",
      type: "phone",
      media: [],
      wipes: [],
      absences: [absence({ validatedById: null })],
      readiness: "storage-not-accounted-for",
    },
    { case: "a tablet without media, validated record", type: "tablet", media: [], wipes: [], absences: [absence()], readiness: "ready" },
    {
      case: "a desktop without media, validated record of an earlier cycle",
      type: "desktop",
      media: [],
      wipes: [],
      absences: [absence({ recordedAt: 500 })],
      readiness: "storage-not-accounted-for",
    },
    { case: "a laptop with a medium, no wipe", type: "laptop", media: [1], wipes: [], absences: [], readiness: "media-not-sanitized" },
    { case: "a laptop with a medium, validated pass", type: "laptop", media: [1], wipes: [validatedPass], absences: [], readiness: "ready" },
    {
      case: "a laptop with a medium, unwiped, a validated absence record does not replace its wipe",
      type: "laptop",
      media: [1],
      wipes: [],
      absences: [absence()],
      readiness: "media-not-sanitized",
    },
    { case: "a monitor without media", type: "monitor", media: [], wipes: [], absences: [], readiness: "ready" },
    { case: "an other device without media", type: "other", media: [], wipes: [], absences: [], readiness: "ready" },
    { case: "a monitor with a medium, unwiped", type: "monitor", media: [1], wipes: [], absences: [], readiness: "media-not-sanitized" },
  ] satisfies {
    case: string;
    type: DeviceType;
    media: number[];
    wipes: RecordedWipe[];
    absences: RecordedStorageAbsence[];
    readiness: CertificationReadiness;
  }[])("$case → $readiness", ({ type, media, wipes, absences, readiness }) => {
    expect(certificationReadiness({ deviceType: type, mediumIds: media, wipes, storageAbsences: absences, lastCollectedAt: collectedAt })).toBe(readiness);
  });

  test("a device never collected is not ready, whatever it holds", () => {
    expect(certificationReadiness({ deviceType: "monitor", mediumIds: [], wipes: [], storageAbsences: [], lastCollectedAt: null })).toBe("media-not-sanitized");
  });

  test.each([
    { case: "no media, no record yet", mediumCount: 0, absences: [], refusal: null },
    { case: "media registered", mediumCount: 1, absences: [], refusal: "device-has-media" },
    { case: "a record of this cycle exists", mediumCount: 0, absences: [absence({ validatedById: null })], refusal: "storage-absence-recorded" },
    { case: "only a record of an earlier cycle", mediumCount: 0, absences: [absence({ recordedAt: 500 })], refusal: null },
  ] satisfies { case: string; mediumCount: number; absences: RecordedStorageAbsence[]; refusal: StorageAbsenceRecordingRefusal | null }[])(
    "recording a no-storage record: $case → $refusal",
    ({ mediumCount, absences, refusal }) => {
      expect(storageAbsenceRecordingRefusal({ mediumCount, absences, lastCollectedAt: collectedAt })).toBe(refusal);
    },
  );

  test("the two-person rule: never validated by whoever recorded it, and only once", () => {
    const recorded = absence({ validatedById: null });
    expect(storageAbsenceValidationRefusal(recorded, "ines")).toBe("same-person");
    expect(storageAbsenceValidationRefusal(recorded, "karim")).toBeNull();
    expect(storageAbsenceValidationRefusal(absence(), "someone")).toBe("already-validated");
    fc.assert(
      fc.property(fc.string(), fc.string(), (recorder, validator) => {
        expect(storageAbsenceValidationRefusal({ recordedById: recorder, validatedById: null }, validator) === null).toBe(recorder !== validator);
      }),
    );
  });

  test("the current record is the latest of this cycle", () => {
    const older = absence({ id: 1, recordedAt: 2_000 });
    const newer = absence({ id: 2, recordedAt: 3_000, validatedById: null });
    expect(currentStorageAbsence([newer, older], collectedAt)).toBe(newer);
    expect(currentStorageAbsence([absence({ recordedAt: 10 })], collectedAt)).toBeNull();
  });
});

test("certificate numbers carry the year and a six-digit sequence", () => {
  expect(certificateNumber(2026, 42)).toBe("WC-2026-000042");
});
