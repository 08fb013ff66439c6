// The queries about wipe records and wipe certificates: what the device page, the API and the wipe
// commands (app/commands/wipes/, app/commands/devices/certify-device.server.ts) read. Each takes an
// optional `database` so a command reads inside its own transaction. The rules are in app/domain/wipes.ts.
import { and, asc, desc, eq, like, max } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { storageMedia, organizations, users, wipeCertificates, wipeRecords } from "~db/schema";
import { db, type CircuitDatabase } from "~/db.server";
import { mediumIsSanitized } from "~/domain/wipes";
import { lastCollectedAt, sanitizationFacts } from "./device.server";

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

/** Which media of the device are sanitized for its current cycle, and whether it can be certified. */
export function sanitizationStatus(deviceId: number, database: CircuitDatabase = db): { sanitizedMediumIds: number[]; complete: boolean } {
  const facts = sanitizationFacts(deviceId, database);
  const since = facts.lastCollectedAt ?? Number.POSITIVE_INFINITY;
  const sanitizedMediumIds = facts.mediumIds.filter((mediumId) => mediumIsSanitized(mediumId, facts.records, since));
  return { sanitizedMediumIds, complete: facts.lastCollectedAt !== null && sanitizedMediumIds.length === facts.mediumIds.length };
}

export type CertificateView = NonNullable<ReturnType<typeof latestCertificate>>;

/** The device's most recent wipe certificate with the records it rests on, or null. */
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
  return { ...certificate, records: recordQuery(database).where(eq(wipeRecords.certificateId, certificate.id)).orderBy(asc(wipeRecords.mediumId)).all() };
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
