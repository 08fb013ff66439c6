import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apiTokens } from "~db/schema";
import { db } from "~/db.server";
import { listActiveApiTokens, userIdForApiToken } from "~/models/api-token.server";
import { commandValue, createActor, createOrganization } from "~/test/factories";
import { createApiToken } from "./create-api-token.server";
import { revokeAllApiTokens } from "./revoke-all-api-tokens.server";
import { revokeApiToken } from "./revoke-api-token.server";

const stored = (id: number) => db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();

describe("revokeAllApiTokens", () => {
  test("revokes every working token of the person, and only theirs", () => {
    const actor = createActor("department");
    const other = createActor("department");
    const first = commandValue(createApiToken(actor, { label: "one" }));
    const second = commandValue(createApiToken(actor, { label: "two", expiresInDays: 7 }));
    const earlier = commandValue(createApiToken(actor, { label: "earlier" }));
    const earlierAt = Date.UTC(2026, 8, 1);
    commandValue(revokeApiToken(actor, { tokenId: earlier.id }, { now: earlierAt }));
    const theirs = commandValue(createApiToken(other, { label: "theirs" }));
    const at = Date.UTC(2026, 9, 1, 9, 0, 0);

    expect(revokeAllApiTokens(actor, { now: at })).toEqual({ ok: true, value: { revoked: 2 } });

    expect(userIdForApiToken(first.token)).toBeNull();
    expect(userIdForApiToken(second.token)).toBeNull();
    expect(stored(first.id)?.revokedAt?.getTime()).toBe(at);
    // A token revoked before keeps the moment it was revoked.
    expect(stored(earlier.id)?.revokedAt?.getTime()).toBe(earlierAt);
    expect(listActiveApiTokens(actor.userId)).toEqual([]);
    expect(userIdForApiToken(theirs.token)).toBe(other.userId);
  });

  test("with no tokens there is nothing to revoke, and that is no refusal", () => {
    expect(revokeAllApiTokens(createActor("recipient"))).toEqual({ ok: true, value: { revoked: 0 } });
  });

  test("a member of an organization still awaiting approval may not manage tokens", () => {
    const pending = createActor("recipient", createOrganization("school", "pending"), "pending");
    expect(revokeAllApiTokens(pending)).toEqual({ ok: false, reason: "forbidden" });
  });
});
