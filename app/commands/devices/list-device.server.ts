// A technician (or coordinator) offers a certified device for reuse, with its condition grade and the
// specifications as they checked them: corrections are written with the listing and recorded in its event.
import type { UserActor } from "~/domain/lifecycle";
import { listDeviceInput, type ListDeviceInput } from "~/forms/device-actions";
import { specCorrections } from "~/domain/device-corrections";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { correctedColumns, registeredSpecs } from "./collect-device.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { listDeviceInput, type ListDeviceInput };

export function listDevice(actor: UserActor, input: ListDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.list");
    const device = requireDevice(tx, input.deviceId, actor);
    const specs = specCorrections(registeredSpecs(device.row), input.specs);
    transitionDevice(tx, device, { action: "list", grade: input.grade, specs }, actor, commandTime(options), {
      ...correctedColumns(specs),
      conditionGrade: input.grade,
    });
    return getDevice(device.row.id, tx)!;
  });
}
