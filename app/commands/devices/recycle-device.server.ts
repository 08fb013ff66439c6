// A device that will not be reused goes to a recycler the coordinator keeps (chosen by id, never typed
// in, so the custody chain holds no name that could not be erased), with the certificate it issues.
import type { UserActor } from "~/domain/lifecycle";
import { recycleDeviceInput, type RecycleDeviceInput } from "~/forms/device-actions";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { getRecycler } from "~/models/organization.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { recycleDeviceInput, type RecycleDeviceInput };

export function recycleDevice(actor: UserActor, input: RecycleDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.recycle");
    const device = requireDevice(tx, input.deviceId, actor);
    // An unknown id, or an organization that is not a recycler, is a wrong choice in the list, as for a department on registration.
    const recycler = getRecycler(input.recyclerId, tx) ?? refuse({ reason: "invalid-input", fields: { recyclerId: ["errors.recyclerUnknown"] } });
    transitionDevice(tx, device, { action: "recycle", recyclerId: recycler.id, certificateNumber: input.certificateNumber }, actor, commandTime(options));
    return getDevice(device.row.id, tx)!;
  });
}
