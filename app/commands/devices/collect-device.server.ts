// A technician collects a registered device from its department: the IT service takes custody. They
// confirm its drives and specifications as they find them (the department cannot see inside): drives
// added, corrected or removed and specifications corrected are written with the collection and
// recorded in its custody event's details, in the same transaction.
import type { UserActor } from "~/domain/lifecycle";
import { mediaChanges, specCorrections, type DeviceSpecs, type MediaChanges, type SpecCorrections } from "~/domain/device-corrections";
import { collectDeviceInput, type CollectDeviceInput } from "~/forms/device-confirmation";
import {
  deleteStorageMedium,
  getDevice,
  insertStorageMedium,
  itServiceIdFor,
  updateStorageMedium,
  type DeviceDetail,
  type DeviceRecord,
  type DeviceSpecColumns,
} from "~/models/device.server";
import type { CircuitDatabase } from "~/db.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { collectDeviceInput, type CollectDeviceInput };

export function collectDevice(actor: UserActor, input: CollectDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.collect");
    const device = requireDevice(tx, input.deviceId, actor);
    const itServiceId = itServiceIdFor(actor, tx) ?? refuse({ reason: "no-it-service" });
    const registered = getDevice(device.row.id, tx)?.media ?? [];
    const media = mediaChanges(registered, input.media);
    if (!media.ok) refuse({ reason: "invalid-input", fields: { [`media[${media.unknownAt}].id`]: ["errors.notFound.medium"] } });
    const specs = specCorrections(registeredSpecs(device.row), input.specs);
    transitionDevice(tx, device, { action: "collect", itServiceId, media: media.changes, specs }, actor, commandTime(options), correctedColumns(specs));
    writeMediaChanges(tx, device.row.id, media.changes);
    return getDevice(device.row.id, tx)!;
  });
}

/** The specifications as stored, to compare what the technician found with. */
export function registeredSpecs(row: DeviceRecord): DeviceSpecs {
  const { cpu, ramGb, storageGb, screenInches, keyboardLayout, batteryHealthPercent, weightKg } = row;
  return { cpu, ramGb, storageGb, screenInches, keyboardLayout, batteryHealthPercent, weightKg };
}

/** The columns to write for corrected specifications. */
export function correctedColumns(specs: SpecCorrections): Partial<DeviceSpecColumns> {
  return Object.fromEntries(Object.entries(specs).map(([field, change]) => [field, change?.to ?? null]));
}

function writeMediaChanges(tx: CircuitDatabase, deviceId: number, changes: MediaChanges): void {
  for (const medium of changes.removed) {
    // Registered drives have no wipe records before their first collection; a record would make this a conflict, not a loss.
    if (!deleteStorageMedium(tx, deviceId, medium.id)) refuse({ reason: "conflict" });
  }
  for (const { id, to } of changes.corrected) updateStorageMedium(tx, deviceId, id, to);
  for (const medium of changes.added) insertStorageMedium(tx, deviceId, medium);
}
