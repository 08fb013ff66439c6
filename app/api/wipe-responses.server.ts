// JSON shapes of wipe records and certificates in the API (refusals answer through app/http/refusal-replies.server.ts).
import type { WipeLogDrafts } from "~/commands/wipes/read-wipe-log.server";
import type { CertificateView, StorageAbsenceView, WipeRecordView } from "~/models/wipe.server";

export function wipeRecordJson(record: WipeRecordView) {
  return {
    id: record.id,
    deviceId: record.deviceId,
    mediumId: record.mediumId,
    medium: {
      serial: record.mediumSerial,
      kind: record.mediumKind,
      capacityGb: record.mediumCapacityGb,
      manufacturer: record.mediumManufacturer,
      model: record.mediumModel,
    },
    method: record.method,
    technique: record.technique,
    rounds: record.rounds,
    tool: record.tool,
    toolVersion: record.toolVersion,
    verification: record.verification,
    samplePercent: record.samplePercent,
    result: record.result,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    notes: record.notes,
    source: record.source,
    logExcerpt: record.logExcerpt,
    performedBy: { id: record.performedById, name: record.performedByName },
    recordedAt: record.recordedAt,
    validatedBy: record.validatedById ? { id: record.validatedById, name: record.validatedByName, organization: record.validatorOrganizationName } : null,
    validatedAt: record.validatedAt,
    certificateId: record.certificateId,
  };
}

export function storageAbsenceJson(record: StorageAbsenceView) {
  return {
    id: record.id,
    deviceId: record.deviceId,
    notes: record.notes,
    recordedBy: { id: record.recordedById, name: record.recordedByName },
    recordedAt: record.recordedAt,
    validatedBy: record.validatedById ? { id: record.validatedById, name: record.validatedByName, organization: record.validatorOrganizationName } : null,
    validatedAt: record.validatedAt,
    certificateId: record.certificateId,
  };
}

export function certificateJson(certificate: CertificateView, device: { id: number; publicId: string }) {
  return {
    number: certificate.number,
    deviceId: device.id,
    publicId: device.publicId,
    issuedAt: certificate.issuedAt,
    issuedBy: certificate.issuedByName,
    records: certificate.records.map(wipeRecordJson),
    attempts: certificate.attempts.map((attempt) => ({ ...wipeRecordJson(attempt), deciding: attempt.deciding })),
    storageAbsence: certificate.storageAbsence && storageAbsenceJson(certificate.storageAbsence),
  };
}

/** The wipe-logs answer: each unknown drive as the log describes it (serial, kind, capacity), without its draft. */
export function wipeLogJson(value: WipeLogDrafts) {
  return {
    drafts: value.drafts,
    unknownDrives: value.unknownDrives.map(({ serial, kind, capacityGb }) => ({ serial, kind, capacityGb })),
    ignoredDrives: value.ignoredDrives,
  };
}
