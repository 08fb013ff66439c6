// A technician certifies a collected device whose every storage medium has a validated, passing wipe
// since it was collected: the device becomes `wiped`, a certificate with the next number of the year is
// issued and linked to the records it rests on, and the custody event carries its number.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { wipeCertificates, wipeRecords } from "~db/schema";
import type { CircuitDatabase } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { certificateNumber } from "~/domain/wipes";
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
  // The lifecycle refuses unless every medium is sanitized, on facts read in this transaction.
  transitionDevice(tx, device, { action: "certify", certificateNumber: number }, actor, now);
  const certificate = tx
    .insert(wipeCertificates)
    .values({ number, deviceId: device.row.id, issuedAt: new Date(now), issuedById: actor.userId })
    .returning({ id: wipeCertificates.id })
    .get();
  // Each medium's validated passing record of this cycle (the latest, if there are several).
  const facts = sanitizationFacts(device.row.id, tx);
  const since = facts.lastCollectedAt ?? 0;
  for (const mediumId of facts.mediumIds) {
    const record = facts.records
      .filter(
        (candidate) => candidate.mediumId === mediumId && candidate.result === "pass" && candidate.validatedById !== null && candidate.recordedAt >= since,
      )
      .at(-1);
    if (record) tx.update(wipeRecords).set({ certificateId: certificate.id }).where(eq(wipeRecords.id, record.id)).run();
  }
  return getDevice(device.row.id, tx)!;
}

function certificateNumberTaken(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE" && error.message.includes("wipe_certificates.number");
}
