// A technician (or coordinator) offers a certified device for reuse, with its condition grade.
import { z } from "zod";
import { conditionGrades, type UserActor } from "~/domain/lifecycle";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export const listDeviceInput = z.object({
  deviceId: z.number().int().positive(),
  grade: z.enum(conditionGrades, { required_error: "errors.choose", invalid_type_error: "errors.choose" }),
});
export type ListDeviceInput = z.infer<typeof listDeviceInput>;

export function listDevice(actor: UserActor, input: ListDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.list");
    const device = requireDevice(tx, input.deviceId, actor);
    transitionDevice(tx, device, { action: "list", grade: input.grade }, actor, commandTime(options), { conditionGrade: input.grade });
    return getDevice(device.row.id, tx)!;
  });
}
