// A coordinator lets a deactivated account sign in again (someone came back). Its old sessions and
// API tokens stay ended: the person signs in anew.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { managedUser, writeReactivation } from "~/models/user-directory.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const reactivateUserInput = z.object({ userId: z.string().trim().min(1).max(100) });
export type ReactivateUserInput = z.infer<typeof reactivateUserInput>;

export function reactivateUser(actor: UserActor, input: ReactivateUserInput, options: CommandOptions = {}): CommandResult<{ userId: string; name: string }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "user.manage");
    const target = managedUser(input.userId.trim(), tx) ?? refuse({ reason: "not-found", entity: "user" });
    if (target.deactivatedAt === null || !writeReactivation(tx, target.id)) refuse({ reason: "account-active" });
    return { userId: target.id, name: target.name };
  });
}
