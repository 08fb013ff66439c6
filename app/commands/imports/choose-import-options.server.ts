// The answers a user gives in an import's preview (a field per unknown column, a type per category,
// the date order, "update the differences"), kept with the upload until it is committed.
import { z } from "zod";
import { mayEditRegistration, type UserActor } from "~/domain/lifecycle";
import { getDeviceImport, writeImportChoices } from "~/models/device-import.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { importChoicesSchema } from "./import-devices.server";

export const chooseImportOptionsInput = importChoicesSchema.extend({ importId: z.number().int().positive() });
export type ChooseImportOptionsInput = z.input<typeof chooseImportOptionsInput>;

export function chooseImportOptions(actor: UserActor, input: ChooseImportOptionsInput, options: CommandOptions = {}): CommandResult<{ importId: number }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.register");
    const stored = getDeviceImport(input.importId, tx) ?? refuse({ reason: "not-found", entity: "import" });
    if (!mayEditRegistration(actor, stored.departmentId)) refuse({ reason: "out-of-scope" });
    if (stored.status === "committed") refuse({ reason: "import-committed" });
    const saved = importChoicesSchema.catch({}).parse(JSON.parse(stored.choices));
    writeImportChoices(tx, stored.id, {
      columns: { ...saved.columns, ...input.columns },
      categories: { ...saved.categories, ...input.categories },
      dateOrder: input.dateOrder ?? saved.dateOrder,
      update: input.update ?? saved.update ?? false,
    });
    return { importId: stored.id };
  });
}
