// Personal API tokens for /api/v1. A token is shown once; only its SHA-256 hash is stored.
import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { randomSecret, sha256Hex } from "~/auth/crypto.server";

export const API_TOKEN_PREFIX = "ctk_";

export function createApiToken(userId: string, label: string): { token: string; id: number } {
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const row = db
    .insert(apiTokens)
    .values({ userId, label: label.trim(), tokenHash: sha256Hex(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) })
    .returning({ id: apiTokens.id })
    .get();
  return { token, id: row.id };
}

export type ApiTokenSummary = { id: number; label: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

export function listActiveApiTokens(userId: string): ApiTokenSummary[] {
  return db
    .select({ id: apiTokens.id, label: apiTokens.label, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** Revokes one of the user's own tokens; false when there was no such active token. */
export function revokeApiToken(userId: string, tokenId: number): boolean {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes === 1;
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
