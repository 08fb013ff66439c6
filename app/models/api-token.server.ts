// Personal API tokens for /api/v1: the queries about them (creating and revoking one are commands in
// app/commands/tokens/). A token is shown once; only its SHA-256 hash is stored.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { apiTokens, users } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";

export const API_TOKEN_PREFIX = "ctk_";

export type ApiTokenSummary = { id: number; label: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date };

/** A token works while it is not revoked and its expiry is still ahead: from expiresAt on, it is refused. */
const worksAt = (now: number) => and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date(now)));

/** A person's tokens that still work (revoked and expired ones are left out). */
export function listActiveApiTokens(userId: string, now = Date.now()): ApiTokenSummary[] {
  return db
    .select({
      id: apiTokens.id,
      label: apiTokens.label,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), worksAt(now)))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** The user id a bearer token stands for, or null when it is unknown, revoked or expired. */
export function userIdForApiToken(token: string, now = Date.now()): string | null {
  const row = db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    // A deactivated account's tokens are revoked with it; the join keeps any straggler from working.
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), worksAt(now), isNull(users.deactivatedAt)))
    .get();
  if (!row) return null;
  db.update(apiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiTokens.id, row.id))
    .run();
  return row.userId;
}
