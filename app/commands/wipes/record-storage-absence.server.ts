// A technician records that a collected device without registered storage media holds no storage at
// all (checked by hand: empty drive bays and slots, no flash on the board). A second technician
// validates it (validate-storage-absence.server.ts); only then is a laptop, desktop, tablet or phone
// without media certified, and the certificate prints the record.
import { z } from "zod";
import { storageAbsenceRecords } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { storageAbsenceRecordingRefusal } from "~/domain/wipes";
import { storageAbsenceForm } from "~/forms/storage-absence";
import { sanitizationFacts } from "~/models/device.server";
import { notifyRoleInApp } from "~/models/notification.server";
import { getStorageAbsence, type StorageAbsenceView } from "~/models/wipe.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "../devices/device-transition.server";

/** The page's form (app/forms/storage-absence.ts) and which device. */
export const recordStorageAbsenceInput = storageAbsenceForm.extend({ deviceId: z.number().int().positive() });
export type RecordStorageAbsenceInput = { deviceId: number; notes?: string | null };

export function recordStorageAbsence(actor: UserActor, input: RecordStorageAbsenceInput, options: CommandOptions = {}): CommandResult<StorageAbsenceView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.record");
    const device = requireDevice(tx, input.deviceId, actor);
    // Checked while the IT service holds it, as wipes are: in the same cycle the certificate speaks for.
    if (device.row.status !== "collected") refuse({ reason: "invalid-state", status: device.row.status });
    const facts = sanitizationFacts(device.row.id, tx);
    const refusal = storageAbsenceRecordingRefusal({
      mediumCount: facts.mediumIds.length,
      absences: facts.storageAbsences,
      lastCollectedAt: facts.lastCollectedAt ?? 0,
    });
    if (refusal) refuse({ reason: refusal });
    const row = tx
      .insert(storageAbsenceRecords)
      .values({ deviceId: device.row.id, notes: input.notes?.trim() || null, recordedById: actor.userId, recordedAt: new Date(commandTime(options)) })
      .returning({ id: storageAbsenceRecords.id })
      .get();
    notifyRoleInApp("technician", "wipeAwaitsValidation", { assetTag: device.row.assetTag }, `/devices/${device.row.id}`, { exceptUserId: actor.userId }, tx);
    return getStorageAbsence(row.id, tx)!;
  });
}
