// A department registers a retired device with its storage media (a coordinator, for any department):
// the device, its media and its first custody event are written together.
import { isUniqueViolation } from "~/db.server";
import { decideTransition, registrationDepartment, type UserActor } from "~/domain/lifecycle";
import { deviceApiSchema } from "~/forms/device";
import {
  duplicateFields,
  duplicateFieldsOfViolation,
  getDevice,
  insertRegisteredDevice,
  isApprovedDepartment,
  type DeviceDetail,
  type DeviceInput,
} from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import type { FieldErrors } from "../refusals";

/** The device's fields and media (prices in cents), and the department when a coordinator registers. */
export const registerDeviceInput = deviceApiSchema;
/** What the schema gives; callers that do not parse (the seed, tests) may leave the optional fields out. */
export type RegisterDeviceInput = DeviceInput & { departmentId?: number };

export function duplicateRefusal(fields: ("assetTag" | "serial")[]): never {
  const errors: FieldErrors = Object.fromEntries(fields.map((field) => [field, [`errors.duplicate.${field}`]]));
  refuse({ reason: "duplicate", fields: errors });
}

export function registerDevice(actor: UserActor, input: RegisterDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.register");
    const departmentId = registrationDepartment(actor, input.departmentId) ?? refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } });
    // Department staff naming another department are refused before its existence is revealed.
    const decision = decideTransition({ status: null, owningDepartmentId: departmentId, holder: null }, { action: "register" }, actor);
    if (!decision.ok) {
      const { ok: _ok, ...refusal } = decision;
      if (refusal.reason === "missing-detail") refuse({ reason: "invalid-input", fields: { [refusal.field]: ["errors.required"] } });
      refuse(refusal);
    }
    if (!isApprovedDepartment(departmentId, tx)) refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } });
    const duplicates = duplicateFields(input, undefined, tx);
    if (duplicates.length > 0) duplicateRefusal(duplicates);
    let deviceId: number;
    try {
      deviceId = insertRegisteredDevice(tx, input, departmentId, actor, decision.event, commandTime(options));
    } catch (error) {
      // Only a writer sharing a joined transaction can take the tag in between; the index is the last word.
      if (!isUniqueViolation(error)) throw error;
      const fields = duplicateFieldsOfViolation(error);
      if (fields.length === 0) throw error;
      duplicateRefusal(fields);
    }
    return getDevice(deviceId, tx)!;
  });
}
