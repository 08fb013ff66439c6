// Wipe records, their validation by a second technician, and wipe certificates. The rules are in
// app/domain/wipes.ts; this module stores what they allow.
import { and, asc, count, desc, eq, isNull, like, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { devices, organizations, storageMedia, users, wipeCertificates, wipeRecords } from "~db/schema";
import { db } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import {
  certificateNumber,
  mediumIsSanitized,
  validationRefusal,
  wipeRecordViolations,
  type SanitizationMethod,
  type SanitizationTechnique,
  type ValidationRefusal,
  type VerificationLevel,
  type WipeResult,
  type WipeRuleViolation,
} from "~/domain/wipes";
import { applyTransition, lastCollectedAt, sanitizationFacts, type DeviceMutationResult } from "./device.server";

export type WipeRecordFields = {
  method: SanitizationMethod;
  technique: SanitizationTechnique;
  rounds?: number | null;
  tool: string;
  toolVersion: string;
  verification: VerificationLevel;
  samplePercent?: number | null;
  result: WipeResult;
  startedAt?: number | null;
  finishedAt?: number | null;
  notes?: string | null;
  source?: "manual" | "nwipe-log";
};

export type RecordWipeResult =
  | { ok: true; record: WipeRecordView }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid-state"; status: string }
  | { ok: false; reason: "violations"; violations: WipeRuleViolation[] };

/** Records one sanitization attempt on one medium of a collected device. */
export function recordWipe(deviceId: number, mediumId: number, fields: WipeRecordFields, performerId: string, now: number = Date.now()): RecordWipeResult {
  const medium = db
    .select({ id: storageMedia.id, status: devices.status })
    .from(storageMedia)
    .innerJoin(devices, eq(devices.id, storageMedia.deviceId))
    .where(and(eq(storageMedia.id, mediumId), eq(storageMedia.deviceId, deviceId)))
    .get();
  if (!medium) return { ok: false, reason: "not-found" };
  if (medium.status !== "collected") return { ok: false, reason: "invalid-state", status: medium.status };
  const violations = wipeRecordViolations(fields);
  if (violations.length > 0) return { ok: false, reason: "violations", violations };

  const row = db
    .insert(wipeRecords)
    .values({
      deviceId,
      mediumId,
      method: fields.method,
      technique: fields.technique,
      rounds: fields.rounds ?? null,
      tool: fields.tool.trim(),
      toolVersion: fields.toolVersion.trim(),
      verification: fields.verification,
      samplePercent: fields.samplePercent ?? null,
      result: fields.result,
      startedAt: fields.startedAt == null ? null : new Date(fields.startedAt),
      finishedAt: fields.finishedAt == null ? null : new Date(fields.finishedAt),
      notes: fields.notes?.trim() || null,
      source: fields.source ?? "manual",
      performedById: performerId,
      recordedAt: new Date(now),
    })
    .returning({ id: wipeRecords.id })
    .get();
  return { ok: true, record: getWipeRecord(row.id)! };
}

export type ValidateWipeResult = { ok: true; record: WipeRecordView } | { ok: false; reason: "not-found" | "device-not-collected" | ValidationRefusal };

/**
 * A second technician validates a passing record. The rule is checked by the domain and again in
 * the UPDATE itself, so no sequence of requests gets a person to validate their own record.
 */
export function validateWipe(wipeId: number, validatorId: string, now: number = Date.now(), options: { ofDevice?: number } = {}): ValidateWipeResult {
  const record = db.select().from(wipeRecords).where(eq(wipeRecords.id, wipeId)).get();
  if (!record || (options.ofDevice !== undefined && record.deviceId !== options.ofDevice)) return { ok: false, reason: "not-found" };
  const deviceStatus = db.select({ status: devices.status }).from(devices).where(eq(devices.id, record.deviceId)).get()?.status;
  if (deviceStatus !== "collected") return { ok: false, reason: "device-not-collected" };
  const refusal = validationRefusal(record, validatorId);
  if (refusal) return { ok: false, reason: refusal };
  const result = db
    .update(wipeRecords)
    .set({ validatedById: validatorId, validatedAt: new Date(now) })
    .where(and(eq(wipeRecords.id, wipeId), isNull(wipeRecords.validatedById), ne(wipeRecords.performedById, validatorId), eq(wipeRecords.result, "pass")))
    .run();
  if (result.changes !== 1) return { ok: false, reason: "already-validated" };
  return { ok: true, record: getWipeRecord(wipeId)! };
}

const performers = alias(users, "performers");
const validators = alias(users, "validators");
const validatorOrganizations = alias(organizations, "validator_organizations");

const recordColumns = {
  id: wipeRecords.id,
  deviceId: wipeRecords.deviceId,
  mediumId: wipeRecords.mediumId,
  mediumSerial: storageMedia.serial,
  mediumKind: storageMedia.kind,
  mediumCapacityGb: storageMedia.capacityGb,
  mediumManufacturer: storageMedia.manufacturer,
  mediumModel: storageMedia.model,
  method: wipeRecords.method,
  technique: wipeRecords.technique,
  rounds: wipeRecords.rounds,
  tool: wipeRecords.tool,
  toolVersion: wipeRecords.toolVersion,
  verification: wipeRecords.verification,
  samplePercent: wipeRecords.samplePercent,
  result: wipeRecords.result,
  startedAt: wipeRecords.startedAt,
  finishedAt: wipeRecords.finishedAt,
  notes: wipeRecords.notes,
  source: wipeRecords.source,
  performedById: wipeRecords.performedById,
  performedByName: performers.name,
  recordedAt: wipeRecords.recordedAt,
  validatedById: wipeRecords.validatedById,
  validatedByName: validators.name,
  validatorOrganizationName: validatorOrganizations.name,
  validatedAt: wipeRecords.validatedAt,
  certificateId: wipeRecords.certificateId,
};

function recordQuery() {
  return db
    .select(recordColumns)
    .from(wipeRecords)
    .innerJoin(storageMedia, eq(storageMedia.id, wipeRecords.mediumId))
    .innerJoin(performers, eq(performers.id, wipeRecords.performedById))
    .leftJoin(validators, eq(validators.id, wipeRecords.validatedById))
    .leftJoin(validatorOrganizations, eq(validatorOrganizations.id, validators.organizationId));
}

export type WipeRecordView = NonNullable<ReturnType<typeof getWipeRecord>>;

export function getWipeRecord(wipeId: number) {
  return recordQuery().where(eq(wipeRecords.id, wipeId)).get() ?? null;
}

export function listDeviceWipes(deviceId: number) {
  return recordQuery().where(eq(wipeRecords.deviceId, deviceId)).orderBy(asc(wipeRecords.recordedAt), asc(wipeRecords.id)).all();
}

/** Which media of the device are sanitized for its current cycle, and whether it can be certified. */
export function sanitizationStatus(deviceId: number): { sanitizedMediumIds: number[]; complete: boolean } {
  const facts = sanitizationFacts(deviceId);
  const since = facts.lastCollectedAt ?? Number.POSITIVE_INFINITY;
  const sanitizedMediumIds = facts.mediumIds.filter((mediumId) => mediumIsSanitized(mediumId, facts.records, since));
  return { sanitizedMediumIds, complete: facts.lastCollectedAt !== null && sanitizedMediumIds.length === facts.mediumIds.length };
}

/**
 * Certifies the wipe: the device becomes `wiped`, a certificate with the next number of the year is
 * issued and linked to the records it rests on, and the custody event carries its number — all in
 * one transaction.
 */
export function certifyDevice(deviceId: number, actor: UserActor, now: number = Date.now()): DeviceMutationResult {
  // Two certifications at the same moment may pick the same next number; the unique index refuses
  // the second, which then takes the number after it.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return certifyOnce(deviceId, actor, now);
    } catch (error) {
      const numberTaken =
        error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE" && error.message.includes("wipe_certificates.number");
      if (!numberTaken || attempt >= 5) throw error;
    }
  }
}

function certifyOnce(deviceId: number, actor: UserActor, now: number): DeviceMutationResult {
  const year = new Date(now).getUTCFullYear();
  const issuedThisYear =
    db
      .select({ total: count() })
      .from(wipeCertificates)
      .where(like(wipeCertificates.number, `WC-${year}-%`))
      .get()?.total ?? 0;
  const number = certificateNumber(year, issuedThisYear + 1);
  const facts = sanitizationFacts(deviceId);
  return applyTransition(deviceId, { action: "certify", certificateNumber: number }, actor, now, (tx) => {
    const certificate = tx
      .insert(wipeCertificates)
      .values({ number, deviceId, issuedAt: new Date(now), issuedById: actor.userId })
      .returning({ id: wipeCertificates.id })
      .get();
    // Each medium's validated passing record of this cycle (the latest, if there are several).
    const since = facts.lastCollectedAt ?? 0;
    for (const mediumId of facts.mediumIds) {
      const record = facts.records
        .filter(
          (candidate) => candidate.mediumId === mediumId && candidate.result === "pass" && candidate.validatedById !== null && candidate.recordedAt >= since,
        )
        .at(-1);
      if (record) tx.update(wipeRecords).set({ certificateId: certificate.id }).where(eq(wipeRecords.id, record.id)).run();
    }
  });
}

export type CertificateView = NonNullable<ReturnType<typeof latestCertificate>>;

/** The device's most recent wipe certificate with the records it rests on, or null. */
export function latestCertificate(deviceId: number) {
  const certificate = db
    .select({ id: wipeCertificates.id, number: wipeCertificates.number, issuedAt: wipeCertificates.issuedAt, issuedByName: users.name })
    .from(wipeCertificates)
    .innerJoin(users, eq(users.id, wipeCertificates.issuedById))
    .where(eq(wipeCertificates.deviceId, deviceId))
    .orderBy(desc(wipeCertificates.issuedAt), desc(wipeCertificates.id))
    .limit(1)
    .get();
  if (!certificate) return null;
  return { ...certificate, records: recordQuery().where(eq(wipeRecords.certificateId, certificate.id)).orderBy(asc(wipeRecords.mediumId)).all() };
}

/**
 * The certificate that speaks for the device now: the latest, unless the device was collected again
 * after it was issued (a return), in which case it needs a new wipe and has no current certificate.
 */
export function currentCertificate(deviceId: number): CertificateView | null {
  const certificate = latestCertificate(deviceId);
  const collectedAt = lastCollectedAt(deviceId);
  if (!certificate) return null;
  return collectedAt === null || certificate.issuedAt.getTime() >= collectedAt ? certificate : null;
}
