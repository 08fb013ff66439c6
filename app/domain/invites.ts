// Invitations for department staff and technicians: single use, valid for seven days.

export const INVITE_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

/** Roles a coordinator can invite; schools, nonprofits and employees sign up by themselves. */
export const invitableRoles = ["department", "technician"] as const;
export type InvitableRole = (typeof invitableRoles)[number];

export function isInvitableRole(role: string): role is InvitableRole {
  return (invitableRoles as readonly string[]).includes(role);
}

export type InviteState = "usable" | "used" | "expired";

export function inviteState(invite: { expiresAt: number; usedAt: number | null }, now: number): InviteState {
  if (invite.usedAt !== null) return "used";
  if (now >= invite.expiresAt) return "expired";
  return "usable";
}

/** Which kind of organization staff of each invited role belong to. */
export function organizationKindFor(role: InvitableRole): "department" | "it_service" {
  return role === "technician" ? "it_service" : "department";
}
