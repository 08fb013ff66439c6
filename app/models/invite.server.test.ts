import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { invites, users } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { hashPassword } from "~/auth/password.server";
import { INVITE_VALIDITY_MS, type InvitableRole } from "~/domain/invites";
import { createInvite } from "~/commands/invites/create-invite.server";
import type { UserActor } from "~/domain/lifecycle";
import { commandValue, createOrganization, lifecycleCast } from "~/test/factories";
import { acceptInvite, findInvite } from "./invite.server";
import { getOrganization } from "./organization.server";
import { getSessionUser, insertUser } from "./user.server";

const createdAt = Date.UTC(2026, 10, 30, 9, 0, 0);
const hour = 60 * 60 * 1000;

let passwordHash: string;
let coordinator: UserActor;
let departmentId: number;
let itServiceId: number;

beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery staple");
  ({ coordinator, itServiceId } = lifecycleCast());
  departmentId = createOrganization("department");
});

/** An invite made by the command (app/commands/invites/ has its own tests), created at `now`. */
function invite(options: { role?: InvitableRole; organizationId?: number; email?: string; now?: number } = {}) {
  const email = options.email ?? `${randomUUID()}@demo.city`;
  const created = commandValue(
    createInvite(
      coordinator,
      { email, role: options.role ?? "department", organizationId: options.organizationId ?? departmentId },
      { origin: "http://localhost", language: "en", now: options.now ?? createdAt },
    ),
  );
  return { ...created, email };
}

function inviteRow(token: string) {
  const row = db
    .select()
    .from(invites)
    .where(eq(invites.tokenHash, sha256Hex(token)))
    .get();
  if (!row) throw new Error("No invite row for this token");
  return row;
}

const account = () => ({ name: "New Colleague", passwordHash });

describe("acceptInvite", () => {
  test("creates the account with the invite's e-mail, role and organization", () => {
    const { token, email } = invite({ role: "department", organizationId: departmentId });

    const outcome = acceptInvite(token, account(), createdAt + hour);

    expect(outcome.kind).toBe("accepted");
    if (outcome.kind !== "accepted") return;
    const user = getSessionUser(outcome.userId);
    expect(user).toMatchObject({ email, name: "New Colleague", role: "department", organization: { id: departmentId, kind: "department" } });
    expect(db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, outcome.userId)).get()?.passwordHash).toBe(passwordHash);

    const row = inviteRow(token);
    expect(row.usedAt?.getTime()).toBe(createdAt + hour);
    expect(row.usedByUserId).toBe(outcome.userId);
  });

  test("a technician invite makes a technician of the IT service", () => {
    const { token } = invite({ role: "technician", organizationId: itServiceId });
    const outcome = acceptInvite(token, account(), createdAt + hour);
    expect(outcome.kind).toBe("accepted");
    if (outcome.kind !== "accepted") return;
    expect(getSessionUser(outcome.userId)).toMatchObject({ role: "technician", organization: { id: itServiceId, kind: "it_service" } });
  });

  test("works once: a second use is refused as used, and makes no second account", () => {
    const { token, email } = invite();
    expect(acceptInvite(token, account(), createdAt + hour).kind).toBe("accepted");

    expect(acceptInvite(token, { name: "Someone Else", passwordHash }, createdAt + 2 * hour)).toEqual({ kind: "refused", reason: "used" });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(1);
    expect(findInvite(token, createdAt + 2 * hour)?.state).toBe("used");
  });

  test("an invite past its seven days is refused as expired", () => {
    const { token, email, expiresAt } = invite();

    expect(acceptInvite(token, account(), expiresAt.getTime())).toEqual({ kind: "refused", reason: "expired" });
    expect(acceptInvite(token, account(), createdAt + 8 * 24 * hour)).toEqual({ kind: "refused", reason: "expired" });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(0);
    expect(inviteRow(token).usedAt).toBeNull();
  });

  test("an invite is still good in its last millisecond", () => {
    const { token, expiresAt } = invite();
    expect(acceptInvite(token, account(), expiresAt.getTime() - 1).kind).toBe("accepted");
  });

  test("an unknown token is refused as unknown", () => {
    invite();
    expect(acceptInvite("no-such-token", account(), createdAt + hour)).toEqual({ kind: "refused", reason: "unknown" });
  });

  test("the stored hash, used as the token, is refused as unknown", () => {
    const { token, email } = invite();
    expect(acceptInvite(inviteRow(token).tokenHash, account(), createdAt + hour)).toEqual({ kind: "refused", reason: "unknown" });
    expect(db.select().from(users).where(eq(users.email, email)).all()).toHaveLength(0);
  });

  test("is refused when the address got an account since the invite was made, and the invite stays unused", () => {
    const { token, email } = invite();
    insertUser({ email, name: "Already Here", role: "employee", organizationId: departmentId, passwordHash });

    expect(acceptInvite(token, account(), createdAt + hour)).toEqual({ kind: "refused", reason: "email-taken" });
    expect(inviteRow(token).usedAt).toBeNull();
  });
});

describe("findInvite", () => {
  test("describes a usable invite by its token, and nothing for an unknown one", () => {
    const { token, email } = invite({ role: "technician", organizationId: itServiceId });
    expect(findInvite(token, createdAt + hour)).toMatchObject({
      email,
      role: "technician",
      organizationName: getOrganization(itServiceId)?.name,
      state: "usable",
    });
    expect(findInvite(token, createdAt + INVITE_VALIDITY_MS)?.state).toBe("expired");
    expect(findInvite("no-such-token", createdAt)).toBeNull();
  });
});
