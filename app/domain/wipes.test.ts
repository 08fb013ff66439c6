import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decideTransition } from "./lifecycle";
import {
  certificateNumber,
  everyMediumSanitized,
  sanitizationMethods,
  sanitizationTechniques,
  techniquesByMethod,
  validationRefusal,
  wipeRecordViolations,
  type RecordedWipe,
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
  const validated = (mediumId: number, recordedAt = 2_000): RecordedWipe => ({ mediumId, result: "pass", validatedById: "karim", recordedAt });

  test("every medium needs a validated pass", () => {
    expect(everyMediumSanitized([1, 2], [validated(1)], collectedAt)).toBe(false);
    expect(everyMediumSanitized([1, 2], [validated(1), { ...validated(2), validatedById: null }], collectedAt)).toBe(false);
    expect(everyMediumSanitized([1, 2], [validated(1), { ...validated(2), result: "fail" }], collectedAt)).toBe(false);
    expect(everyMediumSanitized([1, 2], [validated(1), validated(2)], collectedAt)).toBe(true);
  });

  test("a failed attempt followed by a validated pass (or destruction) sanitizes", () => {
    const records: RecordedWipe[] = [{ mediumId: 1, result: "fail", validatedById: null, recordedAt: 1_500 }, validated(1, 1_600)];
    expect(everyMediumSanitized([1], records, collectedAt)).toBe(true);
  });

  test("a returned device needs a new wipe: records from before its last collection do not count", () => {
    const returnedAt = 5_000;
    expect(everyMediumSanitized([1], [validated(1, 2_000)], returnedAt)).toBe(false);
    expect(everyMediumSanitized([1], [validated(1, 2_000), validated(1, 6_000)], returnedAt)).toBe(true);
  });

  test("the lifecycle refuses to certify until then", () => {
    const facts = { status: "collected" as const, owningDepartmentId: 1, holder: { kind: "organization" as const, organizationId: 2 } };
    const technician = { kind: "user" as const, userId: "ines", role: "technician" as const, organizationId: 2, organizationStatus: "approved" as const };
    const input = { action: "certify" as const, certificateNumber: certificateNumber(2026, 1) };
    expect(decideTransition({ ...facts, everyMediumSanitizedSinceCollection: everyMediumSanitized([1], [], collectedAt) }, input, technician)).toEqual({
      ok: false,
      reason: "media-not-sanitized",
    });
    expect(
      decideTransition({ ...facts, everyMediumSanitizedSinceCollection: everyMediumSanitized([1], [validated(1)], collectedAt) }, input, technician).ok,
    ).toBe(true);
  });
});

test("certificate numbers carry the year and a six-digit sequence", () => {
  expect(certificateNumber(2026, 42)).toBe("WC-2026-000042");
});
