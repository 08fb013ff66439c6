// A coordinator deactivates an account (someone left the city's service): it can no longer sign in,
// and every session and API token it has ends in the same transaction. Nothing is deleted: what the
// person did stays in the records, and a coordinator can reactivate the account.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { notifyRoleInApp } from "~/models/notification.server";
import { managedUser, writeDeactivation } from "~/models/user-directory.server";
import { getSessionUser } from "~/models/user.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export const deactivateUserInput = z.object({
  userId: z.string().trim().min(1).max(100),
  /** Why, for the other coordinators (optional). */
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((reason) => reason || undefined),
});
export type DeactivateUserInput = z.input<typeof deactivateUserInput>;

export type DeactivatedUser = { userId: string; name: string; deactivatedAt: Date };

export function deactivateUser(actor: UserActor, input: DeactivateUserInput, options: CommandOptions = {}): CommandResult<DeactivatedUser> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "user.manage");
    const target = managedUser(input.userId.trim(), tx) ?? refuse({ reason: "not-found", entity: "user" });
    if (target.id === actor.userId) refuse({ reason: "own-account" });
    if (target.deactivatedAt !== null) refuse({ reason: "account-deactivated" });
    const at = commandTime(options);
    if (!writeDeactivation(tx, target.id, { at, byId: actor.userId })) refuse({ reason: "account-deactivated" });
    const reason = input.reason?.trim() ?? "";
    const by = getSessionUser(actor.userId)?.name ?? "";
    notifyRoleInApp(
      "coordinator",
      "userDeactivated",
      { name: target.name, by, reason: reason || "—" },
      `/users?q=${encodeURIComponent(target.email)}`,
      { exceptUserId: actor.userId },
      tx,
    );
    return { userId: target.id, name: target.name, deactivatedAt: new Date(at) };
  });
}
