// A department registers a retired device with its storage media (a coordinator, for any department):
// the device, its media and its first custody event are written together. A form may leave the asset tag
// empty: the command then assigns a free one, CIR- and six digits, in the same transaction.
import { randomInt } from "node:crypto";
import { isUniqueViolation, type CircuitDatabase } from "~/db.server";
import { decideTransition, registrationDepartment, type UserActor } from "~/domain/lifecycle";
import { deviceApiSchema } from "~/forms/device";
import {
  duplicateFields,
  duplicateFieldsOfViolation,
  getDevice,
  insertRegisteredDevice,
  isApprovedDepartment,
  isAssetTagTaken,
  type DeviceDetail,
  type DeviceInput,
} from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import type { FieldErrors } from "../refusals";

/** The device's fields and media (prices in cents), and the department when a coordinator registers. */
export const registerDeviceInput = deviceApiSchema;
/**
 * What the schema gives; callers that do not parse (the seed, tests) may leave the optional fields out.
 * The asset tag is required by the API's schema; the registration forms may leave it out.
 */
export type RegisterDeviceInput = Omit<DeviceInput, "assetTag"> & { assetTag?: string | null; departmentId?: number };

/** The prefix of the asset tags Circuit assigns, followed by six digits. */
export const ASSIGNED_ASSET_TAG_PREFIX = "CIR-";

/** A free asset tag CIR-nnnnnn, read in the registering transaction (the unique index stays the last word). */
export function freeAssetTag(tx: CircuitDatabase, pick: () => number = () => randomInt(0, 1_000_000)): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = `${ASSIGNED_ASSET_TAG_PREFIX}${String(pick()).padStart(6, "0")}`;
    if (!isAssetTagTaken(candidate, tx)) return candidate;
  }
  throw new Error("No free asset tag found in 100 attempts");
}

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
    const assetTag = input.assetTag?.trim() ? input.assetTag : freeAssetTag(tx);
    const device: DeviceInput = { ...input, assetTag };
    const duplicates = duplicateFields(device, undefined, tx);
    if (duplicates.length > 0) duplicateRefusal(duplicates);
    let deviceId: number;
    try {
      deviceId = insertRegisteredDevice(tx, device, departmentId, actor, decision.event, commandTime(options));
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
