// Bulk actions on the device list: collect several devices, or grade and list several with one grade.
// Each device goes through its own command (collectDevice, listDevice), so it gets its own permission
// and scope check, lifecycle decision and custody event; the batch is one immediate transaction in
// which each device is a savepoint: a refused device is rolled back alone and reported, the others
// go through (partial success, never a silent skip).
import type { CircuitDatabase } from "~/db.server";
import type { DeviceStatus, UserActor } from "~/domain/lifecycle";
import type { PermissionAction } from "~/domain/permissions";
import { deviceInScope, deviceScopeOf } from "~/domain/scope";
import { bulkCollectInput, bulkListInput, type BulkCollectInput, type BulkListInput } from "~/forms/bulk-device-actions";
import { deviceFactsIn, type DeviceDetail } from "~/models/device.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult, type Refusal } from "../command.server";
import { collectDevice } from "./collect-device.server";
import { listDevice } from "./list-device.server";

export { bulkCollectInput, bulkListInput, type BulkCollectInput, type BulkListInput };

/** What happened to one device of the batch; the asset tag only when the actor may see the device. */
export type BulkDeviceOutcome = { deviceId: number; assetTag: string | null } & ({ ok: true; status: DeviceStatus } | { ok: false; refusal: Refusal });

export type BulkTransitionResult = { outcomes: BulkDeviceOutcome[]; succeeded: number; refused: number };

/** The asset tag of a device the actor may see (a refusal must not tell the tag of a device out of scope). */
function visibleAssetTag(tx: CircuitDatabase, deviceId: number, actor: UserActor): string | null {
  const device = deviceFactsIn(tx, deviceId);
  if (!device) return null;
  const scoped = { departmentId: device.row.departmentId, holder: device.facts.holder, reservedFor: device.facts.reservedFor };
  return deviceInScope(scoped, deviceScopeOf(actor)) ? device.row.assetTag : null;
}

function transitionEach(
  actor: UserActor,
  permission: PermissionAction,
  deviceIds: readonly number[],
  options: CommandOptions,
  transitionOne: (deviceId: number, inBatch: CommandOptions) => CommandResult<DeviceDetail>,
): CommandResult<BulkTransitionResult> {
  return runCommand(options, (tx) => {
    // The whole batch is refused for a role that may not take the action at all; each device's own command checks again.
    requirePermission(actor, permission);
    const now = commandTime(options);
    const outcomes = [...new Set(deviceIds)].map((deviceId): BulkDeviceOutcome => {
      const result = transitionOne(deviceId, { tx, now });
      if (result.ok) return { deviceId, assetTag: result.value.assetTag, ok: true, status: result.value.status };
      const { ok: _ok, ...refusal } = result;
      return { deviceId, assetTag: visibleAssetTag(tx, deviceId, actor), ok: false, refusal };
    });
    const succeeded = outcomes.filter((outcome) => outcome.ok).length;
    return { outcomes, succeeded, refused: outcomes.length - succeeded };
  });
}

/** A technician collects several registered devices at once: one collect event per device. */
export function bulkCollectDevices(actor: UserActor, input: BulkCollectInput, options: CommandOptions = {}): CommandResult<BulkTransitionResult> {
  return transitionEach(actor, "device.collect", input.deviceIds, options, (deviceId, inBatch) => collectDevice(actor, { deviceId }, inBatch));
}

/** Several certified devices listed with one condition grade: one list event per device. */
export function bulkListDevices(actor: UserActor, input: BulkListInput, options: CommandOptions = {}): CommandResult<BulkTransitionResult> {
  return transitionEach(actor, "device.list", input.deviceIds, options, (deviceId, inBatch) => listDevice(actor, { deviceId, grade: input.grade }, inBatch));
}
