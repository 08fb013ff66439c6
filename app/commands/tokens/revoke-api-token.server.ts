// A person revokes one of their own API tokens; someone else's token is as unknown to them as one
// that never existed.
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { revokeApiTokenInput, type RevokeApiTokenInput } from "~/forms/api-token";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { revokeApiTokenInput, type RevokeApiTokenInput };

export function revokeApiToken(actor: UserActor, input: RevokeApiTokenInput, options: CommandOptions = {}): CommandResult<{ id: number }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "profile.manage");
    const result = tx
      .update(apiTokens)
      .set({ revokedAt: new Date(commandTime(options)) })
      .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .run();
    if (result.changes !== 1) refuse({ reason: "not-found", entity: "token" });
    return { id: input.tokenId };
  });
}
