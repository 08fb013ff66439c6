// The permission table: which role may take which action. Every loader and action asks `can` (through
// app/auth/guards.server.ts); nothing else decides who may do what.
import type { OrganizationStatus, Role } from "./organizations";

export type { Role };

/** Every action a person can take in Circuit, including those of later features. */
export const permissionActions = [
  "home.view",
  "profile.manage",
  "organization.review",
  "recycler.manage",
  "invite.create",
  "mailbox.view",
  "device.register",
  "device.viewAll",
  "device.viewOwnDepartment",
  "device.collect",
  "wipe.record",
  "wipe.validate",
  "device.certify",
  "device.list",
  "device.release",
  "device.handover",
  "pickup.prepare",
  "handover.sign",
  "device.return",
  "device.recycle",
  "request.create",
  "catalogue.view",
  "request.review",
  "match.run",
  "match.confirm",
  "sale.purchase",
  "impact.view",
  "user.manage",
  "organization.contact",
] as const;

export type PermissionAction = (typeof permissionActions)[number];

const everyone: readonly Role[] = ["coordinator", "department", "technician", "recipient", "employee"];

/** role × action, as in DESIGN.md's table of who can do what. */
const allowedRoles: Record<PermissionAction, readonly Role[]> = {
  "home.view": everyone,
  "profile.manage": everyone,
  "organization.review": ["coordinator"],
  /** The recyclers devices can go to: kept by the coordinator, chosen from a list by whoever recycles. */
  "recycler.manage": ["coordinator"],
  "invite.create": ["coordinator"],
  "mailbox.view": ["coordinator"],
  "device.register": ["coordinator", "department"],
  "device.viewAll": ["coordinator", "technician"],
  "device.viewOwnDepartment": ["department"],
  "device.collect": ["technician"],
  "wipe.record": ["technician"],
  "wipe.validate": ["technician"],
  "device.certify": ["technician"],
  "device.list": ["coordinator", "technician"],
  "device.release": ["coordinator", "technician"],
  "device.handover": ["technician"],
  /** Put a request's reserved devices out for pickup: the place, the time window and the code given at the counter. */
  "pickup.prepare": ["technician"],
  /** The recipient signs for a device reserved for them, from their own account. */
  "handover.sign": ["recipient", "employee"],
  "device.return": ["coordinator", "recipient"],
  "device.recycle": ["coordinator", "technician"],
  "request.create": ["recipient", "employee"],
  /** The catalogue of listed devices (issue 15): those who may ask for one, and the coordinator who matches them. */
  "catalogue.view": ["coordinator", "recipient", "employee"],
  "request.review": ["coordinator"],
  "match.run": ["coordinator"],
  "match.confirm": ["coordinator"],
  "sale.purchase": ["employee"],
  "impact.view": ["coordinator", "department"],
  /** See every account, deactivate one (someone left) and reactivate it. */
  "user.manage": ["coordinator"],
  /** Keep an organization's address, contact and opening hours: a department its own, the coordinator any. */
  "organization.contact": ["coordinator", "department"],
};

export type Actor = { role: Role; organizationStatus: OrganizationStatus };

/**
 * Whether this actor may take this action. A member of an organization that is not approved (a
 * school or nonprofit still pending, or rejected) may take no action at all: they only see that
 * their organization awaits approval.
 */
export function can(actor: Actor, action: PermissionAction): boolean {
  if (actor.organizationStatus !== "approved") return false;
  return allowedRoles[action].includes(actor.role);
}

export function permittedActions(actor: Actor): PermissionAction[] {
  return permissionActions.filter((action) => can(actor, action));
}
