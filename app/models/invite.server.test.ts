import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { invites, outboxEmails, users } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { hashPassword } from "~/auth/password.server";
import { INVITE_VALIDITY_MS, type InvitableRole } from "~/domain/invites";
import { acceptInvite, createInvite, findInvite } from "./invite.server";
import { insertOrganization } from "./organization.server";
import { getSessionUser, insertUser } from "./user.server";

const createdAt = Date.UTC(2026, 10, 30, 9, 0, 0);
const hour = 60 * 60 * 1000;

let passwordHash: string;
let coordinatorId: string;
let departmentId: number;
let itServiceId: number;

beforeAll(async () => {
  passwordHash = await hashPassword("correct horse battery staple");
  itServiceId = insertOrganization({ name: "IT service", kind: "it_service", status: "approved" });
  departmentId = insertOrganization({ name: "Parks department", kind: "department", status: "approved" });
  coordinatorId = insertUser({ email: "coordinator@demo.city", name: "Coordinator", role: "coordinator", organizationId: itServiceId, passwordHash });
});

function inviteEmail(token: string) {
  return { to: "ignored@example.org", subject: "You are invited to Circuit", body: `Open http://localhost/invite/${token} to join.` };
}

function invite(options: { role?: InvitableRole; organizationId?: number; email?: string; now?: number } = {}) {
  const email = options.email ?? `${randomUUID()}@demo.city`;
  const composed: string[] = [];
  const created = createInvite(
    { email, role: options.role ?? "department", organizationId: options.organizationId ?? departmentId, invitedById: coordinatorId },
    (token) => {
      composed.push(token);
      return { ...inviteEmail(token), to: email };
    },
    options.now ?? createdAt,
  );
  return { ...created, email, composed };
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

describe("createInvite", () => {
  test("queues the invitation e-mail in the outbox, with the link's token", () => {
    const before = db.select().from(outboxEmails).all().length;
    const { token, email, composed } = invite();

    expect(composed).toEqual([token]);
    const queued = db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)).all();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ subject: "You are invited to Circuit", body: `Open http://localhost/invite/${token} to join.`, sentAt: null });
    expect(db.select().from(outboxEmails).all()).toHaveLength(before + 1);
  });

  test("stores only the SHA-256 hash of the token", () => {
    const { token, email } = invite({ email: "  New.Person@Demo.City " });
    const row = inviteRow(token);

    expect(row.tokenHash).toBe(sha256Hex(token));
    for (const column of Object.values(row)) {
      expect(String(column instanceof Date ? column.getTime() : column)).not.toContain(token);
    }
    expect(row.email).toBe(email.trim().toLowerCase());
    expect(row).toMatchObject({ role: "department", organizationId: departmentId, invitedById: coordinatorId, usedAt: null, usedByUserId: null });
  });

  test("is valid for seven days from its creation", () => {
    const { token, expiresAt } = invite();
    expect(expiresAt.getTime()).toBe(createdAt + INVITE_VALIDITY_MS);
    expect(INVITE_VALIDITY_MS).toBe(7 * 24 * hour);
    expect(inviteRow(token).expiresAt.getTime()).toBe(createdAt + INVITE_VALIDITY_MS);
    expect(inviteRow(token).createdAt.getTime()).toBe(createdAt);
  });

  test("stores no invite when the e-mail cannot be queued", () => {
    const email = `${randomUUID()}@demo.city`;
    const outboxBefore = db.select().from(outboxEmails).all().length;
    expect(() =>
      createInvite(
        { email, role: "department", organizationId: departmentId, invitedById: coordinatorId },
        () => {
          throw new Error("no translation for the e-mail");
        },
        createdAt,
      ),
    ).toThrow("no translation for the e-mail");
    expect(db.select().from(invites).where(eq(invites.email, email)).all()).toHaveLength(0);
    expect(db.select().from(outboxEmails).all()).toHaveLength(outboxBefore);
  });
});

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

  test("is refused when the address already has an account, and the invite stays unused", () => {
    const email = `${randomUUID()}@demo.city`;
    insertUser({ email, name: "Already Here", role: "employee", organizationId: departmentId, passwordHash });
    const { token } = invite({ email });

    expect(acceptInvite(token, account(), createdAt + hour)).toEqual({ kind: "refused", reason: "email-taken" });
    expect(inviteRow(token).usedAt).toBeNull();
  });
});

describe("findInvite", () => {
  test("describes a usable invite by its token, and nothing for an unknown one", () => {
    const { token, email } = invite({ role: "technician", organizationId: itServiceId });
    expect(findInvite(token, createdAt + hour)).toMatchObject({ email, role: "technician", organizationName: "IT service", state: "usable" });
    expect(findInvite(token, createdAt + INVITE_VALIDITY_MS)?.state).toBe("expired");
    expect(findInvite("no-such-token", createdAt)).toBeNull();
  });
});
