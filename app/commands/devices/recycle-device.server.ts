// A device that will not be reused goes to a recycler, named with the recycler's certificate number.
import type { UserActor } from "~/domain/lifecycle";
import { recycleDeviceInput, type RecycleDeviceInput } from "~/forms/device-actions";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { recycleDeviceInput, type RecycleDeviceInput };

export function recycleDevice(actor: UserActor, input: RecycleDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.recycle");
    const device = requireDevice(tx, input.deviceId, actor);
    transitionDevice(tx, device, { action: "recycle", recycler: input.recycler, certificateNumber: input.certificateNumber }, actor, commandTime(options));
    return getDevice(device.row.id, tx)!;
  });
}
