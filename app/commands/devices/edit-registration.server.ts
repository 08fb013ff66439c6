// Correcting a device's registration while it is still `registered`: its department's staff or a
// coordinator replace its fields and media. No custody event: nothing moved.
import { z } from "zod";
import { isUniqueViolation } from "~/db.server";
import { mayEditRegistration, type UserActor } from "~/domain/lifecycle";
import { deviceApiSchema } from "~/forms/device";
import { duplicateFields, duplicateFieldsOfViolation, getDevice, writeRegistration, type DeviceDetail, type DeviceInput } from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "./device-transition.server";
import { duplicateRefusal } from "./register-device.server";

export const editRegistrationInput = deviceApiSchema.omit({ departmentId: true }).extend({ deviceId: z.number().int().positive() });
/** What the schema gives; callers that do not parse (tests) may leave the optional fields out. */
export type EditRegistrationInput = DeviceInput & { deviceId: number };

export function editRegistration(actor: UserActor, input: EditRegistrationInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.register");
    const device = requireDevice(tx, input.deviceId, actor);
    if (!mayEditRegistration(actor, device.row.departmentId)) refuse({ reason: "forbidden" });
    if (device.row.status !== "registered") refuse({ reason: "invalid-state", status: device.row.status });
    const duplicates = duplicateFields(input, device.row.id, tx);
    if (duplicates.length > 0) duplicateRefusal(duplicates);
    let written: boolean;
    try {
      written = writeRegistration(tx, device.row.id, input, commandTime(options));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const fields = duplicateFieldsOfViolation(error);
      if (fields.length === 0) throw error;
      duplicateRefusal(fields);
    }
    if (!written) refuse({ reason: "conflict" });
    return getDevice(device.row.id, tx)!;
  });
}
