// A technician (or coordinator) offers a certified device for reuse, with its condition grade.
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceInput, type ListDeviceInput } from "~/forms/device-actions";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { listDeviceInput, type ListDeviceInput };

export function listDevice(actor: UserActor, input: ListDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.list");
    const device = requireDevice(tx, input.deviceId, actor);
    transitionDevice(tx, device, { action: "list", grade: input.grade }, actor, commandTime(options), { conditionGrade: input.grade });
    return getDevice(device.row.id, tx)!;
  });
}
