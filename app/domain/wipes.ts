// Data sanitization records after NIST SP 800-88 Rev. 1: which techniques belong to which method,
// the two-person rule, and when a device counts as sanitized. Pure: callers pass in the records.
import { holdsStorage, type DeviceType } from "./devices";

export const sanitizationMethods = ["clear", "purge", "destroy"] as const;
export type SanitizationMethod = (typeof sanitizationMethods)[number];

export const sanitizationTechniques = [
  "overwrite",
  "block-erase",
  "crypto-erase",
  "ata-secure-erase",
  "nvme-sanitize",
  "shred",
  "disintegrate",
  "degauss",
] as const;
export type SanitizationTechnique = (typeof sanitizationTechniques)[number];

export const verificationLevels = ["none", "sample", "full"] as const;
export type VerificationLevel = (typeof verificationLevels)[number];

export const wipeResults = ["pass", "fail"] as const;
export type WipeResult = (typeof wipeResults)[number];

/**
 * Which techniques carry out which method. Clear overwrites with ordinary writes; purge uses the
 * device's own sanitize commands (or a sanitize overwrite); destroy leaves no usable medium.
 * (NIST SP 800-88 Rev. 1, section 2.5 and appendix A. Degauss is listed with destroy here, as the
 * city's procedure does: a degaussed drive is not reused.)
 */
export const techniquesByMethod: Record<SanitizationMethod, readonly SanitizationTechnique[]> = {
  clear: ["overwrite"],
  purge: ["overwrite", "block-erase", "crypto-erase", "ata-secure-erase", "nvme-sanitize"],
  destroy: ["shred", "disintegrate", "degauss"],
};

export type WipeRecordInput = {
  method: SanitizationMethod;
  technique: SanitizationTechnique;
  rounds?: number | null;
  verification: VerificationLevel;
  samplePercent?: number | null;
  result: WipeResult;
  startedAt?: number | null;
  finishedAt?: number | null;
};

export type WipeRuleViolation = { field: "technique" | "rounds" | "samplePercent" | "finishedAt"; message: string };

/** The rules a wipe record must meet; each violation names its field. Messages are translation keys. */
export function wipeRecordViolations(record: WipeRecordInput): WipeRuleViolation[] {
  const violations: WipeRuleViolation[] = [];
  if (!techniquesByMethod[record.method].includes(record.technique)) {
    violations.push({ field: "technique", message: record.method === "destroy" ? "errors.wipe.destroyTechnique" : "errors.wipe.techniqueForMethod" });
  }
  const hasRounds = record.rounds !== undefined && record.rounds !== null;
  if (record.technique === "overwrite" && !hasRounds) violations.push({ field: "rounds", message: "errors.wipe.roundsRequired" });
  if (record.technique !== "overwrite" && hasRounds) violations.push({ field: "rounds", message: "errors.wipe.roundsOnlyForOverwrite" });
  const hasSample = record.samplePercent !== undefined && record.samplePercent !== null;
  if (record.verification === "sample" && !hasSample) violations.push({ field: "samplePercent", message: "errors.wipe.samplePercentRequired" });
  if (record.verification !== "sample" && hasSample) violations.push({ field: "samplePercent", message: "errors.wipe.samplePercentOnlyForSample" });
  if (record.startedAt != null && record.finishedAt != null && record.finishedAt < record.startedAt) {
    violations.push({ field: "finishedAt", message: "errors.wipe.finishedBeforeStarted" });
  }
  return violations;
}

export type ValidationRefusal = "same-person" | "failed-record" | "already-validated";

/**
 * The two-person rule: a second technician validates a passing record. Whoever performed a record
 * can never validate it, and a failed record is not validated (the medium is wiped again or
 * destroyed, in a new record).
 */
export function validationRefusal(
  record: { performedById: string; result: WipeResult; validatedById: string | null },
  validatorId: string,
): ValidationRefusal | null {
  if (record.validatedById !== null) return "already-validated";
  if (record.performedById === validatorId) return "same-person";
  if (record.result === "fail") return "failed-record";
  return null;
}

export type RecordedWipe = { id: number; mediumId: number; result: WipeResult; validatedById: string | null; recordedAt: number };

/** Oldest first: by the time it was recorded, then by id (two records in the same millisecond keep their order). */
function byRecordingOrder(a: { recordedAt: number; id: number }, b: { recordedAt: number; id: number }): number {
  return a.recordedAt - b.recordedAt || a.id - b.id;
}

/** Every attempt on the device's media since it was last collected, oldest first: what its certificate lists. */
export function attemptsSinceCollection<Wipe extends RecordedWipe>(records: readonly Wipe[], lastCollectedAt: number): Wipe[] {
  return records.filter((record) => record.recordedAt >= lastCollectedAt).sort(byRecordingOrder);
}

/**
 * The attempt that decides a medium: its latest since the device was last collected. A failed
 * attempt after a validated pass means the medium is not sanitized (whatever failed may have left
 * data behind), until a newer attempt passes and is validated.
 */
export function decidingAttempt<Wipe extends RecordedWipe>(mediumId: number, records: readonly Wipe[], lastCollectedAt: number): Wipe | null {
  return attemptsSinceCollection(records, lastCollectedAt).findLast((record) => record.mediumId === mediumId) ?? null;
}

/** The deciding attempt of each medium among these records (all taken as of the same cycle). */
export function decidingAttemptIds(records: readonly RecordedWipe[]): Set<number> {
  const latest = new Map<number, RecordedWipe>();
  for (const record of [...records].sort(byRecordingOrder)) latest.set(record.mediumId, record);
  return new Set([...latest.values()].map((record) => record.id));
}

/** A medium is sanitized when its latest attempt since the device was last collected passed and was validated. */
export function mediumIsSanitized(mediumId: number, records: readonly RecordedWipe[], lastCollectedAt: number): boolean {
  const deciding = decidingAttempt(mediumId, records, lastCollectedAt);
  return deciding !== null && deciding.result === "pass" && deciding.validatedById !== null;
}

/**
 * Every medium of the device is sanitized since its last collection. A device returned by its user
 * was collected again, so the wipes of its earlier cycle no longer count.
 */
export function everyMediumSanitized(mediumIds: readonly number[], records: readonly RecordedWipe[], lastCollectedAt: number): boolean {
  return mediumIds.every((mediumId) => mediumIsSanitized(mediumId, records, lastCollectedAt));
}

/** A technician's record that a device holds no storage at all (checked by hand), validated by a second one. */
export type RecordedStorageAbsence = { id: number; recordedById: string; recordedAt: number; validatedById: string | null };

/** The device's "no storage present" record of its current cycle (the latest since its last collection), or null. */
export function currentStorageAbsence<Absence extends RecordedStorageAbsence>(records: readonly Absence[], lastCollectedAt: number): Absence | null {
  return (
    [...records]
      .filter((record) => record.recordedAt >= lastCollectedAt)
      .sort(byRecordingOrder)
      .at(-1) ?? null
  );
}

export type StorageAbsenceRecordingRefusal = "device-has-media" | "storage-absence-recorded";

/**
 * A "no storage present" record is made only for a device without registered media (one with media
 * has them wiped), and once per cycle: a second technician validates that one.
 */
export function storageAbsenceRecordingRefusal(device: {
  mediumCount: number;
  absences: readonly RecordedStorageAbsence[];
  lastCollectedAt: number;
}): StorageAbsenceRecordingRefusal | null {
  if (device.mediumCount > 0) return "device-has-media";
  if (currentStorageAbsence(device.absences, device.lastCollectedAt) !== null) return "storage-absence-recorded";
  return null;
}

/** The two-person rule for a "no storage present" record, as for wipes: never validated by whoever recorded it, and once. */
export function storageAbsenceValidationRefusal(
  record: Pick<RecordedStorageAbsence, "recordedById" | "validatedById">,
  validatorId: string,
): Extract<ValidationRefusal, "same-person" | "already-validated"> | null {
  if (record.validatedById !== null) return "already-validated";
  if (record.recordedById === validatorId) return "same-person";
  return null;
}

/** Whether a collected device may be certified now, or what it still lacks. */
export type CertificationReadiness = "ready" | "media-not-sanitized" | "storage-not-accounted-for";

export type CertificationFacts = {
  deviceType: DeviceType;
  mediumIds: readonly number[];
  wipes: readonly RecordedWipe[];
  storageAbsences: readonly RecordedStorageAbsence[];
  /** null: never collected (nothing counts yet). */
  lastCollectedAt: number | null;
};

/**
 * A device with media is ready when every medium's latest attempt since collection passed and was
 * validated. One without media is ready when its type holds no storage (a monitor), or when a second
 * technician validated a "no storage present" record of this cycle: a laptop registered with no
 * media is never certified on that alone.
 */
export function certificationReadiness(facts: CertificationFacts): CertificationReadiness {
  if (facts.lastCollectedAt === null) return "media-not-sanitized";
  if (facts.mediumIds.length > 0) return everyMediumSanitized(facts.mediumIds, facts.wipes, facts.lastCollectedAt) ? "ready" : "media-not-sanitized";
  if (!holdsStorage(facts.deviceType)) return "ready";
  const absence = currentStorageAbsence(facts.storageAbsences, facts.lastCollectedAt);
  return absence !== null && absence.validatedById !== null ? "ready" : "storage-not-accounted-for";
}

/** The certificate number for the n-th certificate of a year: WC-2026-000042. */
export function certificateNumber(year: number, sequence: number): string {
  return `WC-${year}-${String(sequence).padStart(6, "0")}`;
}
