// A device that will not be reused goes to a recycler, named with the recycler's certificate number.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { requiredText } from "~/forms/fields";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export const recycleDeviceInput = z.object({ deviceId: z.number().int().positive(), recycler: requiredText(160), certificateNumber: requiredText(80) });
export type RecycleDeviceInput = z.infer<typeof recycleDeviceInput>;

export function recycleDevice(actor: UserActor, input: RecycleDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.recycle");
    const device = requireDevice(tx, input.deviceId, actor);
    transitionDevice(tx, device, { action: "recycle", recycler: input.recycler, certificateNumber: input.certificateNumber }, actor, commandTime(options));
    return getDevice(device.row.id, tx)!;
  });
}
