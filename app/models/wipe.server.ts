// The queries about wipe records and wipe certificates: what the device page, the API and the wipe
// commands (app/commands/wipes/, app/commands/devices/certify-device.server.ts) read. Each takes an
// optional `database` so a command reads inside its own transaction. The rules are in app/domain/wipes.ts.
import { and, asc, desc, eq, like, max } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { devices, storageAbsenceRecords, storageMedia, organizations, users, wipeCertificates, wipeRecords } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import type { DeviceType } from "~/domain/devices";
import {
  certificationReadiness,
  currentStorageAbsence,
  decidingAttempt,
  decidingAttemptIds,
  mediumIsSanitized,
  type CertificationReadiness,
} from "~/domain/wipes";
import { lastCollectedAt, sanitizationFacts } from "./device.server";

const performers = alias(users, "performers");
const recorders = alias(users, "recorders");
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
  logExcerpt: wipeRecords.logExcerpt,
  performedById: wipeRecords.performedById,
  performedByName: performers.name,
  recordedAt: wipeRecords.recordedAt,
  validatedById: wipeRecords.validatedById,
  validatedByName: validators.name,
  validatorOrganizationName: validatorOrganizations.name,
  validatedAt: wipeRecords.validatedAt,
  certificateId: wipeRecords.certificateId,
};

function recordQuery(database: CircuitDatabase) {
  return database
    .select(recordColumns)
    .from(wipeRecords)
    .innerJoin(storageMedia, eq(storageMedia.id, wipeRecords.mediumId))
    .innerJoin(performers, eq(performers.id, wipeRecords.performedById))
    .leftJoin(validators, eq(validators.id, wipeRecords.validatedById))
    .leftJoin(validatorOrganizations, eq(validatorOrganizations.id, validators.organizationId));
}

export type WipeRecordView = NonNullable<ReturnType<typeof getWipeRecord>>;

export function getWipeRecord(wipeId: number, database: CircuitDatabase = db) {
  return recordQuery(database).where(eq(wipeRecords.id, wipeId)).get() ?? null;
}

export function listDeviceWipes(deviceId: number, database: CircuitDatabase = db) {
  return recordQuery(database).where(eq(wipeRecords.deviceId, deviceId)).orderBy(asc(wipeRecords.recordedAt), asc(wipeRecords.id)).all();
}

export type CertificationStatus = {
  /** The media whose latest attempt of this cycle passed and was validated. */
  sanitizedMediumIds: number[];
  /** Each medium's latest attempt of this cycle: the one that decides it. */
  decidingWipeIds: number[];
  readiness: CertificationReadiness;
  /** The "no storage present" record of this cycle, with who checked and who validated. */
  storageAbsence: StorageAbsenceView | null;
};

/** Where the device stands for certification in its current cycle (the device page). */
export function certificationStatus(device: { id: number; type: DeviceType }, database: CircuitDatabase = db): CertificationStatus {
  const facts = sanitizationFacts(device.id, database);
  const since = facts.lastCollectedAt ?? Number.POSITIVE_INFINITY;
  const absence = currentStorageAbsence(facts.storageAbsences, since);
  return {
    sanitizedMediumIds: facts.mediumIds.filter((mediumId) => mediumIsSanitized(mediumId, facts.records, since)),
    decidingWipeIds: facts.mediumIds.flatMap((mediumId) => decidingAttempt(mediumId, facts.records, since)?.id ?? []),
    readiness: certificationReadiness({
      deviceType: device.type,
      mediumIds: facts.mediumIds,
      wipes: facts.records,
      storageAbsences: facts.storageAbsences,
      lastCollectedAt: facts.lastCollectedAt,
    }),
    storageAbsence: absence ? getStorageAbsence(absence.id, database) : null,
  };
}

/** Which media of the device are sanitized for its current cycle, and whether it can be certified. */
export function sanitizationStatus(deviceId: number, database: CircuitDatabase = db): { sanitizedMediumIds: number[]; complete: boolean } {
  const type = database.select({ type: devices.type }).from(devices).where(eq(devices.id, deviceId)).get()?.type;
  if (!type) return { sanitizedMediumIds: [], complete: false };
  const status = certificationStatus({ id: deviceId, type }, database);
  return { sanitizedMediumIds: status.sanitizedMediumIds, complete: status.readiness === "ready" };
}

const storageAbsenceColumns = {
  id: storageAbsenceRecords.id,
  deviceId: storageAbsenceRecords.deviceId,
  notes: storageAbsenceRecords.notes,
  recordedById: storageAbsenceRecords.recordedById,
  recordedByName: recorders.name,
  recordedAt: storageAbsenceRecords.recordedAt,
  validatedById: storageAbsenceRecords.validatedById,
  validatedByName: validators.name,
  validatorOrganizationName: validatorOrganizations.name,
  validatedAt: storageAbsenceRecords.validatedAt,
  certificateId: storageAbsenceRecords.certificateId,
};

function storageAbsenceQuery(database: CircuitDatabase) {
  return database
    .select(storageAbsenceColumns)
    .from(storageAbsenceRecords)
    .innerJoin(recorders, eq(recorders.id, storageAbsenceRecords.recordedById))
    .leftJoin(validators, eq(validators.id, storageAbsenceRecords.validatedById))
    .leftJoin(validatorOrganizations, eq(validatorOrganizations.id, validators.organizationId));
}

export type StorageAbsenceView = NonNullable<ReturnType<typeof getStorageAbsence>>;

/** One "no storage present" record with the names of who checked and who validated, or null. */
export function getStorageAbsence(absenceId: number, database: CircuitDatabase = db) {
  return storageAbsenceQuery(database).where(eq(storageAbsenceRecords.id, absenceId)).get() ?? null;
}

/** The stored row of one "no storage present" record (for the two-person rule), or null. */
export function storageAbsenceRow(absenceId: number, database: CircuitDatabase = db) {
  return database.select().from(storageAbsenceRecords).where(eq(storageAbsenceRecords.id, absenceId)).get() ?? null;
}

export type CertificateView = NonNullable<ReturnType<typeof latestCertificate>>;

/**
 * The device's most recent wipe certificate, or null: `attempts` is every attempt of its cycle per
 * medium, failures included, each marked whether it decides; `records` the deciding ones it rests on;
 * `storageAbsence` the validated "no storage present" record it rests on instead, if any.
 */
export function latestCertificate(deviceId: number, database: CircuitDatabase = db) {
  const certificate = database
    .select({ id: wipeCertificates.id, number: wipeCertificates.number, issuedAt: wipeCertificates.issuedAt, issuedByName: users.name })
    .from(wipeCertificates)
    .innerJoin(users, eq(users.id, wipeCertificates.issuedById))
    .where(eq(wipeCertificates.deviceId, deviceId))
    .orderBy(desc(wipeCertificates.issuedAt), desc(wipeCertificates.id))
    .limit(1)
    .get();
  if (!certificate) return null;
  const linked = recordQuery(database)
    .where(eq(wipeRecords.certificateId, certificate.id))
    .orderBy(asc(wipeRecords.mediumId), asc(wipeRecords.recordedAt), asc(wipeRecords.id))
    .all();
  const deciding = decidingAttemptIds(linked.map((record) => ({ ...record, recordedAt: record.recordedAt.getTime() })));
  return {
    ...certificate,
    records: linked.filter((record) => deciding.has(record.id)),
    attempts: linked.map((record) => ({ ...record, deciding: deciding.has(record.id) })),
    storageAbsence: storageAbsenceQuery(database).where(eq(storageAbsenceRecords.certificateId, certificate.id)).get() ?? null,
  };
}

/**
 * The certificate that speaks for the device now: the latest, unless the device was collected again
 * after it was issued (a return), in which case it needs a new wipe and has no current certificate.
 */
export function currentCertificate(deviceId: number, database: CircuitDatabase = db): CertificateView | null {
  const certificate = latestCertificate(deviceId, database);
  const collectedAt = lastCollectedAt(deviceId, database);
  if (!certificate) return null;
  return collectedAt === null || certificate.issuedAt.getTime() >= collectedAt ? certificate : null;
}

/** The stored row of one wipe record (for the validation rule), or null. */
export function wipeRecordRow(wipeId: number, database: CircuitDatabase = db) {
  return database.select().from(wipeRecords).where(eq(wipeRecords.id, wipeId)).get() ?? null;
}

/** The storage medium, if it belongs to the device. */
export function mediumOfDevice(deviceId: number, mediumId: number, database: CircuitDatabase = db) {
  return (
    database
      .select({ id: storageMedia.id, serial: storageMedia.serial })
      .from(storageMedia)
      .where(and(eq(storageMedia.id, mediumId), eq(storageMedia.deviceId, deviceId)))
      .get() ?? null
  );
}

/** The sequence number of the year's last wipe certificate (WC-2026-000042 → 42), or 0 before the first. */
export function lastCertificateSequence(year: number, database: CircuitDatabase = db): number {
  const last = database
    .select({ number: max(wipeCertificates.number) })
    .from(wipeCertificates)
    .where(like(wipeCertificates.number, `WC-${year}-%`))
    .get()?.number;
  return last ? Number(last.slice(-6)) : 0;
}
