// A second technician validates a passing wipe record: the two-person rule of the city's procedure.
import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { wipeRecords } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { validationRefusal } from "~/domain/wipes";
import { getWipeRecord, wipeRecordRow, type WipeRecordView } from "~/models/wipe.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "../devices/device-transition.server";

export const validateWipeInput = z.object({
  wipeId: z.number().int().positive(),
  /** When given (the device page), the record must be one of this device's. */
  deviceId: z.number().int().positive().optional(),
});
export type ValidateWipeInput = z.infer<typeof validateWipeInput>;

export function validateWipe(actor: UserActor, input: ValidateWipeInput, options: CommandOptions = {}): CommandResult<WipeRecordView> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.validate");
    const record = wipeRecordRow(input.wipeId, tx);
    if (!record || (input.deviceId !== undefined && record.deviceId !== input.deviceId)) refuse({ reason: "not-found", entity: "wipe" });
    const device = requireDevice(tx, record.deviceId, actor);
    if (device.row.status !== "collected") refuse({ reason: "device-not-collected" });
    const refusal = validationRefusal(record, actor.userId);
    if (refusal) refuse({ reason: refusal });
    // The rule again in the UPDATE itself: no path through a joined transaction gets a person to validate their own record.
    const result = tx
      .update(wipeRecords)
      .set({ validatedById: actor.userId, validatedAt: new Date(commandTime(options)) })
      .where(and(eq(wipeRecords.id, record.id), isNull(wipeRecords.validatedById), ne(wipeRecords.performedById, actor.userId), eq(wipeRecords.result, "pass")))
      .run();
    if (result.changes !== 1) refuse({ reason: "conflict" });
    return getWipeRecord(record.id, tx)!;
  });
}
