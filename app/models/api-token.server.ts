// Personal API tokens for /api/v1: the queries about them (creating and revoking one are commands in
// app/commands/tokens/). A token is shown once; only its SHA-256 hash is stored.
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";

export const API_TOKEN_PREFIX = "ctk_";

export type ApiTokenSummary = { id: number; label: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

export function listActiveApiTokens(userId: string): ApiTokenSummary[] {
  return db
    .select({ id: apiTokens.id, label: apiTokens.label, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** The user id a bearer token stands for, or null when it is unknown or revoked. */
export function userIdForApiToken(token: string): string | null {
  const row = db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id)).run();
  return row.userId;
}
