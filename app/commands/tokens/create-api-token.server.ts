// A person makes an API token for themselves, working for a chosen number of days (90 unless they
// choose). The token is returned once; only its SHA-256 hash is stored.
import { apiTokens } from "~db/schema";
import { randomSecret, sha256Hex } from "~/auth/crypto.server";
import type { UserActor } from "~/domain/lifecycle";
import { createApiTokenInput, DEFAULT_API_TOKEN_LIFETIME_DAYS, type CreateApiTokenInput } from "~/forms/api-token";
import { API_TOKEN_PREFIX } from "~/models/api-token.server";
import { commandTime, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

const DAY_MS = 86_400_000;

export { createApiTokenInput, type CreateApiTokenInput };

export function createApiToken(
  actor: UserActor,
  input: CreateApiTokenInput,
  options: CommandOptions = {},
): CommandResult<{ id: number; token: string; expiresAt: Date }> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "profile.manage");
    const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
    const createdAt = commandTime(options);
    const expiresAt = new Date(createdAt + (input.expiresInDays ?? DEFAULT_API_TOKEN_LIFETIME_DAYS) * DAY_MS);
    const row = tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        label: input.label.trim(),
        tokenHash: sha256Hex(token),
        // A short, non-secret part of the token, to tell a person's tokens apart.
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        createdAt: new Date(createdAt),
        expiresAt,
      })
      .returning({ id: apiTokens.id })
      .get();
    return { id: row.id, token, expiresAt };
  });
}
