// Invitations: the queries about the single-use links a coordinator sends (app/commands/invites/),
// and turning one into an account.
import { and, desc, eq, isNull } from "drizzle-orm";
import { invites, organizations, users } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { inviteState, type InvitableRole, type InviteState } from "~/domain/invites";
import { insertUser } from "./user.server";

export type InviteForAcceptance = {
  id: number;
  email: string;
  role: InvitableRole;
  organizationName: string;
  state: InviteState;
};

export function findInvite(token: string, now: number = Date.now()): InviteForAcceptance | null {
  const row = db
    .select({
      id: invites.id,
      email: invites.email,
      role: invites.role,
      organizationName: organizations.name,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
    })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.organizationId))
    .where(eq(invites.tokenHash, sha256Hex(token)))
    .get();
  if (!row || (row.role !== "department" && row.role !== "technician")) return null;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organizationName: row.organizationName,
    state: inviteState({ expiresAt: row.expiresAt.getTime(), usedAt: row.usedAt?.getTime() ?? null }, now),
  };
}

/**
 * Turns an invite into an account. Marking the invite used and creating the account happen in one
 * transaction, guarded by `used_at IS NULL`, so two simultaneous uses cannot both succeed.
 */
export function acceptInvite(
  token: string,
  account: { name: string; passwordHash: string },
  now: number = Date.now(),
): { kind: "accepted"; userId: string } | { kind: "refused"; reason: InviteState | "unknown" | "email-taken" } {
  return db.transaction((tx) => {
    const invite = tx
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, sha256Hex(token)))
      .get();
    if (!invite) return { kind: "refused", reason: "unknown" } as const;
    const state = inviteState({ expiresAt: invite.expiresAt.getTime(), usedAt: invite.usedAt?.getTime() ?? null }, now);
    if (state !== "usable") return { kind: "refused", reason: state } as const;
    const existingAccount = tx.select({ id: users.id }).from(users).where(eq(users.email, invite.email)).get();
    if (existingAccount) return { kind: "refused", reason: "email-taken" } as const;
    // Claim the invite first: if a parallel use claimed it already, no row changes.
    const claimed = tx
      .update(invites)
      .set({ usedAt: new Date(now) })
      .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
      .run();
    if (claimed.changes !== 1) return { kind: "refused", reason: "used" } as const;
    const userId = insertUser(
      { email: invite.email, name: account.name, role: invite.role, organizationId: invite.organizationId, passwordHash: account.passwordHash },
      tx,
    );
    tx.update(invites).set({ usedByUserId: userId }).where(eq(invites.id, invite.id)).run();
    return { kind: "accepted", userId } as const;
  });
}

export function listInvites(limit = 50) {
  return db
    .select({
      id: invites.id,
      email: invites.email,
      role: invites.role,
      organizationName: organizations.name,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
    })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.organizationId))
    .orderBy(desc(invites.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row,
      state: inviteState({ expiresAt: row.expiresAt.getTime(), usedAt: row.usedAt?.getTime() ?? null }, Date.now()),
    }));
}
