// A technician adds a drive found after collection (opened up for the wipe, or named by an nwipe log) to a
// collected device, before it is certified: the drive must then be wiped and validated like the others.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { mediumSchema } from "~/forms/device";
import { getDevice, insertStorageMedium, type DeviceDetail } from "~/models/device.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "./device-transition.server";

export const addStorageMediumInput = mediumSchema.extend({ deviceId: z.number().int().positive() });
export type AddStorageMediumInput = z.infer<typeof addStorageMediumInput>;

export type AddedStorageMedium = { medium: DeviceDetail["media"][number]; device: DeviceDetail };

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
    const mediumId = insertStorageMedium(tx, device.row.id, { ...input, serial });
    const updated = getDevice(device.row.id, tx)!;
    return { medium: updated.media.find((medium) => medium.id === mediumId)!, device: updated };
  });
}
