// A person revokes every API token they have at once: offered with "sign out everywhere", for a lost
// laptop or a leaked script where signing out alone would leave its tokens working.
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

/** How many tokens were revoked (0 when there were none: nothing to refuse). */
export function revokeAllApiTokens(actor: UserActor, options: CommandOptions = {}): CommandResult<{ revoked: number }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "profile.manage");
    const result = tx
      .update(apiTokens)
      .set({ revokedAt: new Date(commandTime(options)) })
      .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .run();
    return { revoked: result.changes };
  });
}
