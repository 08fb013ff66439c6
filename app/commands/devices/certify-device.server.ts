// A technician certifies a collected device that is ready (app/domain/wipes.ts, certificationReadiness):
// the latest attempt on each storage medium since collection passed and was validated, or a device
// without media holds no storage (by its type, or by a validated "no storage present" record). The
// device becomes `wiped`, a certificate with the next number of the year is issued and linked to every
// attempt of the cycle (failures included) and to the absence record, and the custody event carries its number.
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { storageAbsenceRecords, wipeCertificates, wipeRecords } from "~db/schema";
import type { CircuitDatabase } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { attemptsSinceCollection, certificateNumber, currentStorageAbsence } from "~/domain/wipes";
import { getDevice, sanitizationFacts, type DeviceDetail } from "~/models/device.server";
import { lastCertificateSequence } from "~/models/wipe.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export const certifyDeviceInput = z.object({ deviceId: z.number().int().positive() });
export type CertifyDeviceInput = z.infer<typeof certifyDeviceInput>;

/** Tries again when the certificate number it chose was taken meanwhile (unique index on the number). */
const NUMBER_ATTEMPTS = 5;

export function certifyDevice(actor: UserActor, input: CertifyDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  // The unique index refuses a number another certification took meanwhile (possible when this one joins
  // a caller's deferred transaction). Its work was rolled back, so the next try reads the numbers again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return runCommand(options, (tx) => certifyIn(tx, actor, input, commandTime(options)));
    } catch (error) {
      if (!certificateNumberTaken(error) || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}

function certifyIn(tx: CircuitDatabase, actor: UserActor, input: CertifyDeviceInput, now: number): DeviceDetail {
  requirePermission(actor, "device.certify");
  const device = requireDevice(tx, input.deviceId, actor);
  const year = new Date(now).getUTCFullYear();
  const number = certificateNumber(year, lastCertificateSequence(year, tx) + 1);
  // The lifecycle refuses unless the device is ready, on facts read in this transaction.
  transitionDevice(tx, device, { action: "certify", certificateNumber: number }, actor, now);
  const certificate = tx
    .insert(wipeCertificates)
    .values({ number, deviceId: device.row.id, issuedAt: new Date(now), issuedById: actor.userId })
    .returning({ id: wipeCertificates.id })
    .get();
  // Every attempt of this cycle, so that the certificate shows the failed ones too; the latest of each medium decides.
  const facts = sanitizationFacts(device.row.id, tx);
  const since = facts.lastCollectedAt ?? 0;
  const attemptIds = attemptsSinceCollection(facts.records, since).map((record) => record.id);
  if (attemptIds.length > 0) tx.update(wipeRecords).set({ certificateId: certificate.id }).where(inArray(wipeRecords.id, attemptIds)).run();
  const absence = currentStorageAbsence(facts.storageAbsences, since);
  if (facts.mediumIds.length === 0 && absence?.validatedById) {
    tx.update(storageAbsenceRecords).set({ certificateId: certificate.id }).where(eq(storageAbsenceRecords.id, absence.id)).run();
  }
  return getDevice(device.row.id, tx)!;
}

function certificateNumberTaken(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE" && error.message.includes("wipe_certificates.number");
}
