// JSON shapes and refusals of the wipe endpoints.
import type { ValidateWipeResult, WipeRecordView, CertificateView } from "~/models/wipe.server";
import { apiError } from "./responses.server";

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
    performedBy: { id: record.performedById, name: record.performedByName },
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
  };
}

export function validationRefusalResponse(refusal: Extract<ValidateWipeResult, { ok: false }>): Response {
  switch (refusal.reason) {
    case "not-found":
      return apiError(404, "not_found", "There is no such wipe record.");
    case "same-person":
      return apiError(403, "same_person", "The technician who performed a wipe can never validate it: a second technician must.");
    case "failed-record":
      return apiError(409, "failed_record", "A failed wipe cannot be validated. Wipe the medium again or destroy it, in a new record.");
    case "device-not-collected":
      return apiError(409, "invalid_state", "Wipes are validated while the device is collected.");
    case "already-validated":
      return apiError(409, "already_validated", "This wipe record has been validated already.");
  }
}
