// A signed-in person's interface language, remembered on their account.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { supportedLanguages } from "~/i18n/config";
import { writeUserLocale } from "~/models/user.server";
import { requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const setLanguageInput = z.object({ language: z.enum(supportedLanguages) });
export type SetLanguageInput = z.infer<typeof setLanguageInput>;

export function setLanguage(actor: UserActor, input: SetLanguageInput, options: CommandOptions = {}): CommandResult<null> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "profile.manage");
    writeUserLocale(tx, actor.userId, input.language);
    return null;
  });
}
