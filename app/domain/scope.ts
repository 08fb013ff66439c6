// Which devices and requests a person may see. One decision, used by every page, API route and
// command: an id outside a person's scope answers 403 everywhere (as a department's device does for
// another department), an id that does not exist 404.
import type { Holder, UserActor } from "./lifecycle";
import { can } from "./permissions";

/** Devices: all of them (coordinator, technicians), one department's, or those a recipient holds or has reserved. */
export type DeviceScope =
  | { kind: "all" }
  | { kind: "department"; departmentId: number }
  | { kind: "recipient"; organizationId: number }
  | { kind: "employee"; userId: string }
  | { kind: "none" };

export function deviceScopeOf(actor: UserActor): DeviceScope {
  const permissionActor = { role: actor.role, organizationStatus: actor.organizationStatus };
  if (can(permissionActor, "device.viewAll")) return { kind: "all" };
  if (can(permissionActor, "device.viewOwnDepartment")) return { kind: "department", departmentId: actor.organizationId };
  if (actor.role === "recipient" && can(permissionActor, "handover.sign")) return { kind: "recipient", organizationId: actor.organizationId };
  if (actor.role === "employee" && can(permissionActor, "handover.sign")) return { kind: "employee", userId: actor.userId };
  return { kind: "none" };
}

/** Whether the registry (the list of devices and their staff pages) is open to this scope. */
export function seesRegistry(scope: DeviceScope): scope is { kind: "all" } | { kind: "department"; departmentId: number } {
  return scope.kind === "all" || scope.kind === "department";
}

function isHolder(holder: Holder | null | undefined, scope: DeviceScope): boolean {
  if (!holder) return false;
  if (scope.kind === "recipient") return holder.kind === "organization" && holder.organizationId === scope.organizationId;
  if (scope.kind === "employee") return holder.kind === "employee" && holder.userId === scope.userId;
  return false;
}

export type ScopedDeviceFacts = { departmentId: number; holder?: Holder | null; reservedFor?: Holder | null };

/** Whether a device is in scope: in the registry, or held by (or reserved for) the recipient. */
export function deviceInScope(device: ScopedDeviceFacts, scope: DeviceScope): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "department":
      return device.departmentId === scope.departmentId;
    case "recipient":
    case "employee":
      return isHolder(device.holder, scope) || isHolder(device.reservedFor, scope);
    case "none":
      return false;
  }
}

/** Requests: a coordinator sees all, a school or nonprofit its organization's, an employee their own. */
export type RequestScope = { kind: "all" } | { kind: "organization"; organizationId: number } | { kind: "requester"; userId: string } | { kind: "none" };

export function requestScopeOf(actor: UserActor): RequestScope {
  const permissionActor = { role: actor.role, organizationStatus: actor.organizationStatus };
  if (can(permissionActor, "request.review")) return { kind: "all" };
  if (actor.role === "recipient" && can(permissionActor, "request.create")) return { kind: "organization", organizationId: actor.organizationId };
  if (can(permissionActor, "request.create")) return { kind: "requester", userId: actor.userId };
  return { kind: "none" };
}

export function requestInScope(
  request: { organizationId: number; requesterId: string; requesterKind: "organization" | "employee" },
  scope: RequestScope,
): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "organization":
      return request.requesterKind === "organization" && request.organizationId === scope.organizationId;
    case "requester":
      return request.requesterId === scope.userId;
    case "none":
      return false;
  }
}
