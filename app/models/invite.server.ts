// Invitations: the queries about the single-use links a coordinator sends and people accept (the
// commands are in app/commands/invites/).
import { desc, eq } from "drizzle-orm";
import { invites, organizations } from "~db/schema";
import { db } from "~/db.server";
import { sha256Hex } from "~/auth/crypto.server";
import { inviteState, isInvitableRole, type InvitableRole, type InviteState } from "~/domain/invites";

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
  if (!row || !isInvitableRole(row.role)) return null;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organizationName: row.organizationName,
    state: inviteState({ expiresAt: row.expiresAt.getTime(), usedAt: row.usedAt?.getTime() ?? null }, now),
  };
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
