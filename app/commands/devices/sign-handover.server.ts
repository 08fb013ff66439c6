// The recipient (a school's or nonprofit's member, or the employee) signs for a device reserved for
// them, from their own account: the signature is linked to that account. The lifecycle's ownership
// guard lets them sign only for their own reservation.
import type { UserActor } from "~/domain/lifecycle";
import type { DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { handOverDeviceInput, type HandOverDeviceInput } from "~/forms/device-actions";
import { handOverIn } from "./hand-over-device.server";

export const signHandoverInput = handOverDeviceInput;
export type SignHandoverInput = HandOverDeviceInput;

export function signHandover(actor: UserActor, input: SignHandoverInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "handover.sign");
    return handOverIn(tx, actor, input, actor.userId, commandTime(options));
  });
}
