// The token queries: which person a bearer token stands for, and a person's active tokens. Creating
// and revoking tokens are commands with their own tests (app/commands/tokens/).
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { databaseBeforeMigration } from "~/test/database";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import { revokeApiToken } from "~/commands/tokens/revoke-api-token.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createActor } from "~/test/factories";
import { API_TOKEN_PREFIX, listActiveApiTokens, userIdForApiToken } from "./api-token.server";

const newPerson = () => createActor("department");
const tokenFor = (actor: UserActor, label = "CI") => commandValue(createApiToken(actor, { label }));
const stored = (id: number) => db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();

describe("userIdForApiToken", () => {
  test("resolves a valid token to its person and records when it was used", () => {
    const actor = newPerson();
    const { token, id } = tokenFor(actor);
    const before = Date.now();

    expect(userIdForApiToken(token)).toBe(actor.userId);

    const lastUsedAt = stored(id)?.lastUsedAt?.getTime();
    expect(lastUsedAt).toBeGreaterThanOrEqual(before);
    expect(lastUsedAt).toBeLessThanOrEqual(Date.now());
  });

  test("is null for an unknown token", () => {
    tokenFor(newPerson());
    expect(userIdForApiToken(`${API_TOKEN_PREFIX}unknown`)).toBeNull();
    expect(userIdForApiToken("")).toBeNull();
  });

  test("is null for the stored hash: a copy of the database is no key", () => {
    const { token, id } = tokenFor(newPerson());
    expect(userIdForApiToken(stored(id)!.tokenHash)).toBeNull();
    expect(stored(id)?.lastUsedAt).toBeNull();
    expect(userIdForApiToken(token)).not.toBeNull();
  });

  test("is null for a token that differs in one character", () => {
    const { token } = tokenFor(newPerson());
    const altered = `${token.slice(0, -1)}${token.at(-1) === "A" ? "B" : "A"}`;
    expect(userIdForApiToken(altered)).toBeNull();
  });
});

describe("listActiveApiTokens", () => {
  test("lists the person's own unrevoked tokens, without their hashes", () => {
    const actor = newPerson();
    const other = newPerson();
    const active = tokenFor(actor, "active");
    const revoked = tokenFor(actor, "revoked");
    const someoneElses = tokenFor(other, "someone else's");
    commandValue(revokeApiToken(actor, { tokenId: revoked.id }));

    const listed = listActiveApiTokens(actor.userId);

    expect(listed.map((summary) => summary.id)).toEqual([active.id]);
    expect(listed[0]).toMatchObject({ label: "active", prefix: active.token.slice(0, API_TOKEN_PREFIX.length + 6), lastUsedAt: null });
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(["createdAt", "expiresAt", "id", "label", "lastUsedAt", "prefix"]);
    expect(listActiveApiTokens(other.userId).map((summary) => summary.id)).toEqual([someoneElses.id]);
  });

  test("is empty for a person without tokens", () => {
    expect(listActiveApiTokens(newPerson().userId)).toEqual([]);
  });
});

test("the migration: tokens made before expiry existed work for 90 days from their creation", () => {
  const { sqlite, migrateRest } = databaseBeforeMigration("0010_api_token_expiry");
  const createdAt = Date.UTC(2026, 0, 15, 8, 0, 0);
  sqlite.exec(`INSERT INTO organizations (name, kind, status) VALUES ('ICT', 'it_service', 'approved')`);
  sqlite.exec(`INSERT INTO users (id, email, name, role, organization_id, password_hash) VALUES ('u1', 'eng@demo.city', 'E', 'technician', 1, 'x')`);
  sqlite.prepare("INSERT INTO api_tokens (user_id, label, token_hash, prefix, created_at) VALUES ('u1', 'old', 'h', 'ctk_ab', ?)").run(createdAt);
  migrateRest();
  expect(sqlite.prepare("SELECT expires_at FROM api_tokens").all()).toEqual([{ expires_at: createdAt + 90 * 86_400_000 }]);
  // A token written later without an expiry is born expired rather than everlasting.
  sqlite.prepare("INSERT INTO api_tokens (user_id, label, token_hash, prefix) VALUES ('u1', 'raw', 'h2', 'ctk_cd')").run();
  expect(sqlite.prepare("SELECT expires_at FROM api_tokens WHERE label = 'raw'").get()).toEqual({ expires_at: 0 });
  sqlite.close();
});
