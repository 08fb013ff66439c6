import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { API_TOKEN_PREFIX, listActiveApiTokens, userIdForApiToken } from "~/models/api-token.server";
import { commandValue, createActor, createOrganization } from "~/test/factories";
import { createApiToken, createApiTokenInput } from "./create-api-token.server";

const stored = (id: number) => db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();

describe("createApiToken", () => {
  test("returns a prefixed, unguessable token that stands for its maker", () => {
    const actor = createActor("department");
    const { token } = commandValue(createApiToken(actor, { label: "CI" }));
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(token.slice(API_TOKEN_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(userIdForApiToken(token)).toBe(actor.userId);
  });

  test("stores only the token's SHA-256 hash, the trimmed label and a short prefix to tell tokens apart", () => {
    const actor = createActor("technician");
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);
    const { token, id } = commandValue(createApiToken(actor, { label: "  Laptop script  " }, { now: at }));
    const row = stored(id);

    expect(row).toMatchObject({ userId: actor.userId, label: "Laptop script", tokenHash: sha256Hex(token), revokedAt: null, lastUsedAt: null });
    expect(row?.createdAt.getTime()).toBe(at);
    expect(row?.prefix).toBe(token.slice(0, API_TOKEN_PREFIX.length + 6));
    expect(row?.prefix.length).toBeLessThan(token.length / 2);
    for (const column of Object.values(row ?? {})) expect(String(column instanceof Date ? column.getTime() : column)).not.toContain(token);
  });

  test("gives every token its own value", () => {
    const actor = createActor("recipient");
    const first = commandValue(createApiToken(actor, { label: "one" }));
    const second = commandValue(createApiToken(actor, { label: "two" }));
    expect(first.token).not.toBe(second.token);
    expect(first.id).not.toBe(second.id);
  });

  test("a token works for 90 days unless another lifetime is chosen, and is refused from its expiry on", () => {
    const actor = createActor("technician");
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);
    const day = 86_400_000;
    const standard = commandValue(createApiToken(actor, { label: "default" }, { now: at }));
    const weekly = commandValue(createApiToken(actor, { label: "week", expiresInDays: 7 }, { now: at }));

    expect(standard.expiresAt.getTime()).toBe(at + 90 * day);
    expect(stored(standard.id)?.expiresAt.getTime()).toBe(at + 90 * day);
    expect(weekly.expiresAt.getTime()).toBe(at + 7 * day);

    expect(userIdForApiToken(weekly.token, at + 7 * day - 1)).toBe(actor.userId);
    expect(userIdForApiToken(weekly.token, at + 7 * day)).toBeNull();
    expect(userIdForApiToken(standard.token, at + 90 * day - 1)).toBe(actor.userId);
    expect(userIdForApiToken(standard.token, at + 90 * day)).toBeNull();
    expect(listActiveApiTokens(actor.userId, at + 7 * day).map((summary) => summary.id)).toEqual([standard.id]);
  });

  test("only the offered lifetimes are accepted", () => {
    expect(createApiTokenInput.safeParse({ label: "CI", expiresInDays: 365 }).success).toBe(true);
    expect(createApiTokenInput.safeParse({ label: "CI" }).success).toBe(true);
    for (const expiresInDays of [0, -1, 36500, 89, "forever", null]) expect(createApiTokenInput.safeParse({ label: "CI", expiresInDays }).success).toBe(false);
  });

  test("a member of an organization still awaiting approval gets no token", () => {
    const pending = createActor("recipient", createOrganization("school", "pending"), "pending");
    expect(createApiToken(pending, { label: "CI" })).toEqual({ ok: false, reason: "forbidden" });
    expect(db.select().from(apiTokens).where(eq(apiTokens.userId, pending.userId)).all()).toEqual([]);
  });
});
