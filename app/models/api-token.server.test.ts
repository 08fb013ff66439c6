import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { hashPassword } from "~/auth/password.server";
import { API_TOKEN_PREFIX, createApiToken, listActiveApiTokens, revokeApiToken, userIdForApiToken } from "./api-token.server";
import { insertOrganization } from "./organization.server";
import { insertUser } from "./user.server";

let passwordHash: string;
let organizationId: number;

beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery staple");
  organizationId = insertOrganization({ name: "API token department", kind: "department", status: "approved" });
});

function newUser(): string {
  return insertUser({ email: `${randomUUID()}@demo.city`, name: "Token Tester", role: "department", organizationId, passwordHash });
}

function storedToken(id: number) {
  const row = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!row) throw new Error(`No api_tokens row ${id}`);
  return row;
}

describe("createApiToken", () => {
  test("returns a prefixed, unguessable token", () => {
    const { token } = createApiToken(newUser(), "CI");
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(token.slice(API_TOKEN_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test("stores only the token's SHA-256 hash, never the token", () => {
    const userId = newUser();
    const { token, id } = createApiToken(userId, "  Laptop script  ");
    const row = storedToken(id);

    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(row.userId).toBe(userId);
    expect(row.label).toBe("Laptop script");
    // The prefix column is a short, non-secret part of the token, to tell tokens apart.
    expect(row.prefix).toBe(token.slice(0, API_TOKEN_PREFIX.length + 6));
    expect(row.prefix.length).toBeLessThan(token.length / 2);
    for (const column of Object.values(row)) {
      expect(String(column instanceof Date ? column.getTime() : column)).not.toContain(token);
    }
    expect(row.revokedAt).toBeNull();
    expect(row.lastUsedAt).toBeNull();
  });

  test("gives every token its own value", () => {
    const userId = newUser();
    const first = createApiToken(userId, "one");
    const second = createApiToken(userId, "two");
    expect(first.token).not.toBe(second.token);
    expect(first.id).not.toBe(second.id);
  });
});

describe("userIdForApiToken", () => {
  test("resolves a valid token to its user and records when it was used", () => {
    const userId = newUser();
    const { token, id } = createApiToken(userId, "CI");
    const before = Date.now();

    expect(userIdForApiToken(token)).toBe(userId);

    const lastUsedAt = storedToken(id).lastUsedAt?.getTime();
    expect(lastUsedAt).toBeGreaterThanOrEqual(before);
    expect(lastUsedAt).toBeLessThanOrEqual(Date.now());
  });

  test("is null for an unknown token", () => {
    createApiToken(newUser(), "CI");
    expect(userIdForApiToken(`${API_TOKEN_PREFIX}unknown`)).toBeNull();
    expect(userIdForApiToken("")).toBeNull();
  });

  test("is null for the stored hash: a copy of the database is no key", () => {
    const { token, id } = createApiToken(newUser(), "CI");
    const storedHash = storedToken(id).tokenHash;
    expect(userIdForApiToken(storedHash)).toBeNull();
    expect(storedToken(id).lastUsedAt).toBeNull();
    expect(userIdForApiToken(token)).not.toBeNull();
  });

  test("is null for a token that differs in one character", () => {
    const { token } = createApiToken(newUser(), "CI");
    const lastCharacter = token.at(-1);
    const altered = `${token.slice(0, -1)}${lastCharacter === "A" ? "B" : "A"}`;
    expect(userIdForApiToken(altered)).toBeNull();
  });
});

describe("revokeApiToken", () => {
  test("a revoked token no longer resolves, and revoking again reports false", () => {
    const userId = newUser();
    const { token, id } = createApiToken(userId, "CI");
    expect(userIdForApiToken(token)).toBe(userId);

    expect(revokeApiToken(userId, id)).toBe(true);

    expect(storedToken(id).revokedAt).toBeInstanceOf(Date);
    expect(userIdForApiToken(token)).toBeNull();
    expect(revokeApiToken(userId, id)).toBe(false);
  });

  test("a user cannot revoke another user's token", () => {
    const owner = newUser();
    const intruder = newUser();
    const { token, id } = createApiToken(owner, "CI");

    expect(revokeApiToken(intruder, id)).toBe(false);

    expect(storedToken(id).revokedAt).toBeNull();
    expect(userIdForApiToken(token)).toBe(owner);
    expect(listActiveApiTokens(owner).map((summary) => summary.id)).toContain(id);
  });

  test("revoking one token leaves the user's other tokens working", () => {
    const userId = newUser();
    const kept = createApiToken(userId, "kept");
    const revoked = createApiToken(userId, "revoked");
    expect(revokeApiToken(userId, revoked.id)).toBe(true);
    expect(userIdForApiToken(kept.token)).toBe(userId);
  });

  test("is false for a token id that does not exist", () => {
    expect(revokeApiToken(newUser(), 987_654_321)).toBe(false);
  });
});

describe("listActiveApiTokens", () => {
  test("lists the user's own unrevoked tokens, without their hashes", () => {
    const userId = newUser();
    const otherUserId = newUser();
    const active = createApiToken(userId, "active");
    const revoked = createApiToken(userId, "revoked");
    const someoneElses = createApiToken(otherUserId, "someone else's");
    revokeApiToken(userId, revoked.id);

    const listed = listActiveApiTokens(userId);

    expect(listed.map((summary) => summary.id)).toEqual([active.id]);
    expect(listed[0]).toMatchObject({ label: "active", prefix: active.token.slice(0, API_TOKEN_PREFIX.length + 6), lastUsedAt: null });
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(["createdAt", "id", "label", "lastUsedAt", "prefix"]);
    expect(listActiveApiTokens(otherUserId).map((summary) => summary.id)).toEqual([someoneElses.id]);
  });

  test("is empty for a user without tokens", () => {
    expect(listActiveApiTokens(newUser())).toEqual([]);
  });
});
