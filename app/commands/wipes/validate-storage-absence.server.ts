// A second technician validates a "no storage present" record: the two-person rule, as for wipes.
import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { storageAbsenceRecords } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { currentStorageAbsence, storageAbsenceValidationRefusal } from "~/domain/wipes";
import { sanitizationFacts } from "~/models/device.server";
import { settleValidationNotices } from "~/models/notification.server";
import { getStorageAbsence, storageAbsenceRow, type StorageAbsenceView } from "~/models/wipe.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "../devices/device-transition.server";

export const validateStorageAbsenceInput = z.object({
  absenceId: z.number().int().positive(),
  /** When given (the device page), the record must be one of this device's. */
  deviceId: z.number().int().positive().optional(),
});
export type ValidateStorageAbsenceInput = z.infer<typeof validateStorageAbsenceInput>;

export function validateStorageAbsence(actor: UserActor, input: ValidateStorageAbsenceInput, options: CommandOptions = {}): CommandResult<StorageAbsenceView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.validate");
    const record = storageAbsenceRow(input.absenceId, tx);
    if (!record || (input.deviceId !== undefined && record.deviceId !== input.deviceId)) refuse({ reason: "not-found", entity: "storage-absence" });
    const device = requireDevice(tx, record.deviceId, actor);
    if (device.row.status !== "collected") refuse({ reason: "invalid-state", status: device.row.status });
    const facts = sanitizationFacts(device.row.id, tx);
    if (facts.mediumIds.length > 0) refuse({ reason: "device-has-media" });
    // A record of an earlier cycle (before the device was returned and collected again) no longer speaks for it.
    if (currentStorageAbsence(facts.storageAbsences, facts.lastCollectedAt ?? 0)?.id !== record.id) {
      refuse({ reason: "invalid-state", status: device.row.status });
    }
    const refusal = storageAbsenceValidationRefusal(record, actor.userId);
    if (refusal) refuse({ reason: refusal, record: "storage-absence" });
    // The rule again in the UPDATE itself: no path through a joined transaction gets a person to validate their own record.
    const result = tx
      .update(storageAbsenceRecords)
      .set({ validatedById: actor.userId, validatedAt: new Date(commandTime(options)) })
      .where(and(eq(storageAbsenceRecords.id, record.id), isNull(storageAbsenceRecords.validatedById), ne(storageAbsenceRecords.recordedById, actor.userId)))
      .run();
    if (result.changes !== 1) refuse({ reason: "conflict" });
    settleValidationNotices(tx, record.deviceId, commandTime(options));
    return getStorageAbsence(record.id, tx)!;
  });
}
