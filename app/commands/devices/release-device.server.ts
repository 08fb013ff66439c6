// A handover fell through: the reserved device is listed again, its match is released (the request's
// slot opens) and the typed reason is kept as a custody note, apart from the hashed event.
import type { UserActor } from "~/domain/lifecycle";
import { releaseDeviceInput, type ReleaseDeviceInput } from "~/forms/device-actions";
import { getDevice, insertCustodyNote, type DeviceDetail } from "~/models/device.server";
import { closeMatch, reservationFacts } from "~/models/match.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { releaseDeviceInput, type ReleaseDeviceInput };

export function releaseDevice(actor: UserActor, input: ReleaseDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.release");
    const device = requireDevice(tx, input.deviceId, actor);
    const now = commandTime(options);
    // A blank reason is refused by the lifecycle below, and the note goes with the rollback.
    const reasonNoteId = input.reason.trim() === "" ? null : insertCustodyNote(tx, input.reason);
    transitionDevice(tx, device, { action: "release", reason: input.reason, reasonNoteId }, actor, now);
    const reservation = reservationFacts(device.row.id, tx);
    if (reservation) closeMatch(tx, reservation.matchId, "released", now);
    return getDevice(device.row.id, tx)!;
  });
}
