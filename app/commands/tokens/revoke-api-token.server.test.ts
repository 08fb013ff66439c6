import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { listActiveApiTokens, userIdForApiToken } from "~/models/api-token.server";
import { commandValue, createActor, createOrganization } from "~/test/factories";
import { createApiToken } from "./create-api-token.server";
import { revokeApiToken } from "./revoke-api-token.server";

const stored = (id: number) => db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();

describe("revokeApiToken", () => {
  test("a revoked token no longer resolves; revoking it again finds no such token", () => {
    const actor = createActor("department");
    const { token, id } = commandValue(createApiToken(actor, { label: "CI" }));
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);

    expect(revokeApiToken(actor, { tokenId: id }, { now: at })).toEqual({ ok: true, value: { id } });

    expect(stored(id)?.revokedAt?.getTime()).toBe(at);
    expect(userIdForApiToken(token)).toBeNull();
    expect(revokeApiToken(actor, { tokenId: id })).toEqual({ ok: false, reason: "not-found", entity: "token" });
  });

  test("someone else's token is as unknown as one that never existed", () => {
    const owner = createActor("technician");
    const { token, id } = commandValue(createApiToken(owner, { label: "CI" }));

    expect(revokeApiToken(createActor("coordinator"), { tokenId: id })).toEqual({ ok: false, reason: "not-found", entity: "token" });
    expect(revokeApiToken(owner, { tokenId: 987_654_321 })).toEqual({ ok: false, reason: "not-found", entity: "token" });
    expect(stored(id)?.revokedAt).toBeNull();
    expect(userIdForApiToken(token)).toBe(owner.userId);
  });

  test("revoking one token leaves the person's others working", () => {
    const actor = createActor("recipient");
    const kept = commandValue(createApiToken(actor, { label: "kept" }));
    const revoked = commandValue(createApiToken(actor, { label: "revoked" }));
    commandValue(revokeApiToken(actor, { tokenId: revoked.id }));
    expect(userIdForApiToken(kept.token)).toBe(actor.userId);
    expect(listActiveApiTokens(actor.userId).map((summary) => summary.id)).toEqual([kept.id]);
  });

  test("a member of an organization still awaiting approval may not manage tokens", () => {
    const organizationId = createOrganization("school", "pending");
    const pending = createActor("recipient", organizationId, "pending");
    expect(revokeApiToken(pending, { tokenId: 1 })).toEqual({ ok: false, reason: "forbidden" });
  });
});
