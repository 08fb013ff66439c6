// Data sanitization records after NIST SP 800-88 Rev. 1: which techniques belong to which method,
// the two-person rule, and when a device counts as sanitized. Pure: callers pass in the records.

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

export type RecordedWipe = { mediumId: number; result: WipeResult; validatedById: string | null; recordedAt: number };

/** A medium is sanitized by a passing, validated record made since the device was last collected. */
export function mediumIsSanitized(mediumId: number, records: RecordedWipe[], lastCollectedAt: number): boolean {
  return records.some(
    (record) => record.mediumId === mediumId && record.result === "pass" && record.validatedById !== null && record.recordedAt >= lastCollectedAt,
  );
}

/**
 * Every medium of the device is sanitized since its last collection (a device without storage
 * media has nothing to wipe). A device returned by its user was collected again, so the wipes of
 * its earlier cycle no longer count.
 */
export function everyMediumSanitized(mediumIds: number[], records: RecordedWipe[], lastCollectedAt: number): boolean {
  return mediumIds.every((mediumId) => mediumIsSanitized(mediumId, records, lastCollectedAt));
}

/** The certificate number for the n-th certificate of a year: WC-2026-000042. */
export function certificateNumber(year: number, sequence: number): string {
  return `WC-${year}-${String(sequence).padStart(6, "0")}`;
}
