// A technician adds a drive found after collection (opened up for the wipe, or named by an nwipe log) to a
// collected device, before it is certified: the drive must then be wiped and validated like the others.
// A drive named by an nwipe log comes with its wipe record drafted from that log: one click adds the
// drive and records the wipe (the record-wipe command, in this transaction), to await a second technician.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { mediumSchema } from "~/forms/device";
import { wipeRecordSchema } from "~/forms/wipe";
import { getDevice, insertStorageMedium, type DeviceDetail } from "~/models/device.server";
import type { WipeRecordView } from "~/models/wipe.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { recordWipe, type WipeRecordFields } from "../wipes/record-wipe.server";
import { requireDevice } from "./device-transition.server";

export const addStorageMediumInput = mediumSchema.extend({
  deviceId: z.number().int().positive(),
  /** The drive's wipe, when the log that named it wiped it: recorded with the drive. */
  wipe: wipeRecordSchema.optional(),
});
/** What the schema gives; the wipe's optional fields may be left out by callers that do not parse (tests). */
export type AddStorageMediumInput = Omit<z.infer<typeof addStorageMediumInput>, "wipe"> & { wipe?: WipeRecordFields };

export type AddedStorageMedium = { medium: DeviceDetail["media"][number]; device: DeviceDetail; wipe: WipeRecordView | null };

export function addStorageMedium(actor: UserActor, input: AddStorageMediumInput, options: CommandOptions = {}): CommandResult<AddedStorageMedium> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.record");
    const device = requireDevice(tx, input.deviceId, actor);
    // Before collection the registration is corrected instead; once certified, the certificate speaks for the drives it lists.
    if (device.row.status !== "collected") refuse({ reason: "invalid-state", status: device.row.status });
    const serial = input.serial.trim();
    const media = getDevice(device.row.id, tx)?.media ?? [];
    if (media.some((medium) => medium.serial.trim().toUpperCase() === serial.toUpperCase())) {
      refuse({ reason: "duplicate", fields: { serial: ["errors.medium.duplicate"] } });
    }
    const mediumId = insertStorageMedium(tx, device.row.id, { serial, kind: input.kind, capacityGb: input.capacityGb });
    let wipe: WipeRecordView | null = null;
    if (input.wipe) {
      const recorded = recordWipe(actor, { ...input.wipe, deviceId: device.row.id, mediumId }, { tx, now: commandTime(options) });
      if (!recorded.ok) {
        const { ok: _ok, ...refusal } = recorded;
        refuse(refusal);
      }
      wipe = recorded.value;
    }
    const updated = getDevice(device.row.id, tx)!;
    return { medium: updated.media.find((medium) => medium.id === mediumId)!, device: updated, wipe };
  });
}
