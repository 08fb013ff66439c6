// A technician collects a registered device from its department: the IT service takes custody.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { getDevice, itServiceIdFor, type DeviceDetail } from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export const collectDeviceInput = z.object({ deviceId: z.number().int().positive() });
export type CollectDeviceInput = z.infer<typeof collectDeviceInput>;

export function collectDevice(actor: UserActor, input: CollectDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.collect");
    const device = requireDevice(tx, input.deviceId, actor);
    const itServiceId = itServiceIdFor(actor, tx) ?? refuse({ reason: "no-it-service" });
    transitionDevice(tx, device, { action: "collect", itServiceId }, actor, commandTime(options));
    return getDevice(device.row.id, tx)!;
  });
}
