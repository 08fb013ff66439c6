// Keeps an uploaded inventory file between its preview and its commit, so that the page works without
// JavaScript: every later step names the upload by its id. Department staff upload for their own department.
import { z } from "zod";
import { registrationDepartment, type UserActor } from "~/domain/lifecycle";
import { insertDeviceImport } from "~/models/device-import.server";
import { isApprovedDepartment } from "~/models/device.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { MAX_IMPORT_BYTES } from "./import-devices.server";

export const uploadDeviceImportInput = z.object({
  fileName: z.string().trim().max(255).default(""),
  csvText: z.string().max(MAX_IMPORT_BYTES, "errors.upload.fileTooLarge"),
  departmentId: z.number().int().positive().optional(),
});
export type UploadDeviceImportInput = z.input<typeof uploadDeviceImportInput>;

export function uploadDeviceImport(actor: UserActor, input: UploadDeviceImportInput, options: CommandOptions = {}): CommandResult<{ importId: number }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.register");
    const departmentId = registrationDepartment(actor, input.departmentId) ?? refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } });
    if (actor.role === "department" && departmentId !== actor.organizationId) refuse({ reason: "not-own-department" });
    if (!isApprovedDepartment(departmentId, tx)) refuse({ reason: "invalid-input", fields: { departmentId: ["errors.choose"] } });
    if (input.csvText.trim() === "") refuse({ reason: "invalid-input", fields: { file: ["errors.import.emptyFile"] } });
    const importId = insertDeviceImport(tx, {
      departmentId,
      createdById: actor.userId,
      fileName: input.fileName ?? "",
      csvText: input.csvText,
      now: commandTime(options),
    });
    return { importId };
  });
}
