import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { invites, users } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { verifyPassword } from "~/auth/password.server";
import { findInvite } from "~/models/invite.server";
import { getSessionUser, insertUser } from "~/models/user.server";
import { createdInvite, createOrganization, lifecycleCast } from "~/test/factories";
import { acceptInvite } from "./accept-invite.server";

const createdAt = Date.UTC(2026, 10, 30, 9, 0, 0);
const hour = 60 * 60 * 1000;
const password = "correct horse battery staple";

let departmentId: number;
let itServiceId: number;

beforeAll(() => {
  ({ itServiceId } = lifecycleCast());
  departmentId = createOrganization("department");
});

const invite = (options: Parameters<typeof createdInvite>[0] = {}) => createdInvite({ organizationId: departmentId, now: createdAt, ...options });

function inviteRow(token: string) {
  const row = db
    .select()
    .from(invites)
    .where(eq(invites.tokenHash, sha256Hex(token)))
    .get();
  if (!row) throw new Error("No invite row for this token");
  return row;
}

const account = () => ({ name: "New Colleague", password });

describe("acceptInvite", async () => {
  test("creates the account with the invite's e-mail, role and organization", async () => {
    const { token, email } = invite({ role: "department", organizationId: departmentId });

    const outcome = await acceptInvite({ token, ...account() }, { now: createdAt + hour });

    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    const user = getSessionUser(outcome.value.userId);
    expect(user).toMatchObject({ email, name: "New Colleague", role: "department", organization: { id: departmentId, kind: "department" } });
    const stored = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, outcome.value.userId)).get()?.passwordHash ?? "";
    expect(await verifyPassword(stored, password)).toBe(true);

    const row = inviteRow(token);
    expect(row.usedAt?.getTime()).toBe(createdAt + hour);
    expect(row.usedByUserId).toBe(outcome.value.userId);
  });

  test("a technician invite makes a technician of the IT service", async () => {
    const { token } = invite({ role: "technician", organizationId: itServiceId });
    const outcome = await acceptInvite({ token, ...account() }, { now: createdAt + hour });
    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    expect(getSessionUser(outcome.value.userId)).toMatchObject({ role: "technician", organization: { id: itServiceId, kind: "it_service" } });
  });

  test("works once: a second use is refused as used, and makes no second account", async () => {
    const { token, email } = invite();
    expect((await acceptInvite({ token, ...account() }, { now: createdAt + hour })).ok).toBe(true);

    expect(await acceptInvite({ token, name: "Someone Else", password }, { now: createdAt + 2 * hour })).toEqual({
      ok: false,
      reason: "invite-unusable",
      state: "used",
    });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(1);
    expect(findInvite(token, createdAt + 2 * hour)?.state).toBe("used");
  });

  test("an invite past its seven days is refused as expired", async () => {
    const { token, email, expiresAt } = invite();

    expect(await acceptInvite({ token, ...account() }, { now: expiresAt.getTime() })).toEqual({ ok: false, reason: "invite-unusable", state: "expired" });
    expect(await acceptInvite({ token, ...account() }, { now: createdAt + 8 * 24 * hour })).toEqual({ ok: false, reason: "invite-unusable", state: "expired" });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(0);
    expect(inviteRow(token).usedAt).toBeNull();
  });

  test("an invite is still good in its last millisecond", async () => {
    const { token, expiresAt } = invite();
    expect((await acceptInvite({ token, ...account() }, { now: expiresAt.getTime() - 1 })).ok).toBe(true);
  });

  test("an unknown token is refused as unknown", async () => {
    invite();
    expect(await acceptInvite({ token: "no-such-token", ...account() }, { now: createdAt + hour })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "invite",
    });
  });

  test("the stored hash, used as the token, is refused as unknown", async () => {
    const { token, email } = invite();
    expect(await acceptInvite({ token: inviteRow(token).tokenHash, ...account() }, { now: createdAt + hour })).toEqual({
      ok: false,
      reason: "not-found",
      entity: "invite",
    });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(0);
  });

  test("is refused when the address got an account since the invite was made, and the invite stays unused", async () => {
    const { token, email } = invite();
    insertUser({ email, name: "Already Here", role: "employee", organizationId: departmentId, passwordHash: "not-a-hash" });

    expect(await acceptInvite({ token, ...account() }, { now: createdAt + hour })).toEqual({ ok: false, reason: "invite-unusable", state: "email-taken" });
    expect(inviteRow(token).usedAt).toBeNull();
  });
});
