// A second technician validates a passing wipe record: the two-person rule of the city's procedure.
// When it is the device's last drive to validate, they may certify the device in the same transaction
// ("validate and certify"): the certification is the certify command's, with its one custody event.
import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { wipeRecords } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { validationRefusal } from "~/domain/wipes";
import { settleValidationNotices } from "~/models/notification.server";
import { currentCertificate, getWipeRecord, wipeRecordRow, type WipeRecordView } from "~/models/wipe.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { certifyDevice } from "../devices/certify-device.server";
import { requireDevice } from "../devices/device-transition.server";

export const validateWipeInput = z.object({
  wipeId: z.number().int().positive(),
  /** When given (the device page), the record must be one of this device's. */
  deviceId: z.number().int().positive().optional(),
  /** Certify the device too, in the same transaction; refused (and nothing validated) unless it is then ready. */
  certify: z.boolean().optional(),
});
export type ValidateWipeInput = z.infer<typeof validateWipeInput>;

/** The validated record; with `certify`, the number of the certificate issued. */
export type ValidatedWipe = WipeRecordView & { certificateNumber: string | null };

export function validateWipe(actor: UserActor, input: ValidateWipeInput, options: CommandOptions = {}): CommandResult<ValidatedWipe> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.validate");
    const record = wipeRecordRow(input.wipeId, tx);
    if (!record || (input.deviceId !== undefined && record.deviceId !== input.deviceId)) refuse({ reason: "not-found", entity: "wipe" });
    const device = requireDevice(tx, record.deviceId, actor);
    if (device.row.status !== "collected") refuse({ reason: "device-not-collected" });
    const refusal = validationRefusal(record, actor.userId);
    if (refusal) refuse({ reason: refusal });
    const now = commandTime(options);
    // The rule again in the UPDATE itself: no path through a joined transaction gets a person to validate their own record.
    const result = tx
      .update(wipeRecords)
      .set({ validatedById: actor.userId, validatedAt: new Date(now) })
      .where(and(eq(wipeRecords.id, record.id), isNull(wipeRecords.validatedById), ne(wipeRecords.performedById, actor.userId), eq(wipeRecords.result, "pass")))
      .run();
    if (result.changes !== 1) refuse({ reason: "conflict" });
    settleValidationNotices(tx, record.deviceId, now);
    let certificateNumber: string | null = null;
    if (input.certify) {
      const certified = certifyDevice(actor, { deviceId: record.deviceId }, { tx, now });
      if (!certified.ok) {
        const { ok: _ok, ...certifyRefusal } = certified;
        refuse(certifyRefusal);
      }
      certificateNumber = currentCertificate(certified.value.id, tx)?.number ?? null;
    }
    return { ...getWipeRecord(record.id, tx)!, certificateNumber };
  });
}
