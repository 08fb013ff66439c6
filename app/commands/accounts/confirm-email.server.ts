// Someone opens the link we sent to the address of a new account and presses "Activate my account": the
// link is used up and the account may sign in from now on. Guarded by `used_at IS NULL`, so two
// simultaneous uses cannot both succeed.
import { z } from "zod";
import { findEmailConfirmation, claimEmailConfirmation } from "~/models/email-confirmation.server";
import { activateUser } from "~/models/user.server";
import { commandTime, refuse, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const confirmEmailInput = z.object({ token: z.string().min(1).max(200) });
export type ConfirmEmailInput = z.infer<typeof confirmEmailInput>;

/** The link's token is the credential (there is no actor: the person cannot sign in yet). */
export function confirmEmail(input: ConfirmEmailInput, options: CommandOptions = {}): CommandResult<{ userId: string }> {
  return runCommand(options, (tx) => {
    const now = commandTime(options);
    const confirmation = findEmailConfirmation(input.token, now, tx) ?? refuse({ reason: "not-found", entity: "confirmation" });
    if (confirmation.state !== "usable") refuse({ reason: "confirmation-unusable", state: confirmation.state });
    if (!claimEmailConfirmation(tx, confirmation.id, new Date(now))) refuse({ reason: "confirmation-unusable", state: "used" });
    activateUser(tx, confirmation.userId, new Date(now));
    return { userId: confirmation.userId };
  });
}
