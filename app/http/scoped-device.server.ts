// Devices for a page's or an API route's loader: who is signed in, and whether the device is in the
// registry they see (the one scope decision, app/domain/scope.ts). The one place that answers a
// missing id 404 and an id out of scope 403, so that routes do not repeat "load, 404, 403".
import { data } from "@remix-run/node";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { refusalAnswer, type Refusal } from "~/commands/refusals";
import type { UserActor } from "~/domain/lifecycle";
import { can, type PermissionAction } from "~/domain/permissions";
import { deviceInScope, deviceScopeOf, seesRegistry, type DeviceScope } from "~/domain/scope";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import type { SessionUser } from "~/models/user.server";
import { apiRefusal } from "./refusal-replies.server";

export type RegistryScope = Extract<DeviceScope, { kind: "all" } | { kind: "department" }>;
export type RegistryViewer = { user: SessionUser; actor: UserActor; scope: RegistryScope };
export type ScopedDevice = RegistryViewer & { device: DeviceDetail };

type Outcome<Value> = ({ ok: true } & Value) | { ok: false; refusal: Refusal };

/**
 * The registry this person sees. Recipients and employees see their own devices on their home page,
 * not in the staff registry; `permission` narrows it further to those who may act on it (a wipe form).
 */
function registryOf(actor: UserActor, permission?: PermissionAction): Outcome<{ scope: RegistryScope }> {
  if (permission && !can(actor, permission)) return { ok: false, refusal: { reason: "forbidden" } };
  const scope = deviceScopeOf(actor);
  if (!seesRegistry(scope)) return { ok: false, refusal: { reason: "forbidden" } };
  return { ok: true, scope };
}

function deviceIn(scope: RegistryScope, id: string | number | undefined): Outcome<{ device: DeviceDetail }> {
  const device = getDevice(Number(id));
  if (!device) return { ok: false, refusal: { reason: "not-found", entity: "device" } };
  if (!deviceInScope(device, scope)) return { ok: false, refusal: { reason: "out-of-scope" } };
  return { ok: true, device };
}

function lookUp(actor: UserActor, id: string | undefined, permission?: PermissionAction): Outcome<{ scope: RegistryScope; device: DeviceDetail }> {
  const registry = registryOf(actor, permission);
  if (!registry.ok) return registry;
  const found = deviceIn(registry.scope, id);
  return found.ok ? { ok: true, scope: registry.scope, device: found.device } : found;
}

/** The error page's answer to a refusal (RouteErrorBoundary shows it by status). */
function pageRefusal(refusal: Refusal) {
  return data({ reason: refusal.reason }, { status: refusalAnswer(refusal).status });
}

/** For pages: the signed-in person and the device, or the error page (404, 403). */
export async function requireScopedDevice(request: Request, id: string | undefined, permission?: PermissionAction): Promise<ScopedDevice> {
  const user = await requireUser(request);
  const actor = lifecycleActorOf(user);
  const found = lookUp(actor, id, permission);
  if (!found.ok) throw pageRefusal(found.refusal);
  return { user, actor, scope: found.scope, device: found.device };
}

/** For pages about several devices (a label sheet), after requireRegistryScope: all of them, or the first id's 404 or 403. */
export function requireDevicesInScope(scope: RegistryScope, ids: readonly number[]): DeviceDetail[] {
  return ids.map((id) => {
    const found = deviceIn(scope, id);
    if (!found.ok) throw pageRefusal(found.refusal);
    return found.device;
  });
}

/** For the registry's pages (the device list): the signed-in person and the registry they see, or 403. */
export async function requireRegistryScope(request: Request): Promise<RegistryViewer> {
  const user = await requireUser(request);
  const actor = lifecycleActorOf(user);
  const registry = registryOf(actor);
  if (!registry.ok) throw pageRefusal(registry.refusal);
  return { user, actor, scope: registry.scope };
}

/** For the API: the caller and the device, or the JSON error (401, 404, 403). */
export function requireApiScopedDevice(request: Request, id: string | undefined): ScopedDevice {
  const user = requireApiUser(request);
  const actor = lifecycleActorOf(user);
  const found = lookUp(actor, id);
  if (!found.ok) throw apiRefusal(found.refusal);
  return { user, actor, scope: found.scope, device: found.device };
}

/** For the API's device list: the caller and the registry they see, or the JSON error (401, 403). */
export function requireApiRegistryScope(request: Request): RegistryViewer {
  const user = requireApiUser(request);
  const actor = lifecycleActorOf(user);
  const registry = registryOf(actor);
  if (!registry.ok) throw apiRefusal(registry.refusal);
  return { user, actor, scope: registry.scope };
}
