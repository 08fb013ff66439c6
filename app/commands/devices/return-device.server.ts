// A deployed device comes back (its school or nonprofit, or a coordinator, returns it): the IT service
// takes custody and it must be wiped again before it is listed. An optional reason is kept as a note.
import type { UserActor } from "~/domain/lifecycle";
import { returnDeviceInput, type ReturnDeviceInput } from "~/forms/device-actions";
import { getDevice, insertCustodyNote, itServiceIdFor, type DeviceDetail } from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { returnDeviceInput, type ReturnDeviceInput };

export function returnDevice(actor: UserActor, input: ReturnDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.return");
    const device = requireDevice(tx, input.deviceId, actor);
    const itServiceId = itServiceIdFor(actor, tx) ?? refuse({ reason: "no-it-service" });
    const reason = input.reason?.trim() || undefined;
    const reasonNoteId = reason ? insertCustodyNote(tx, reason) : null;
    transitionDevice(tx, device, { action: "return", itServiceId, reason, reasonNoteId }, actor, commandTime(options));
    return getDevice(device.row.id, tx)!;
  });
}
