// One device for a page's or an API route's loader: who is signed in, and whether the device is in the
// registry they see (app/domain/scope.ts). The one place that answers a missing id 404 and an id out of
// scope 403, so that routes do not repeat "load, 404, 403".
import { data } from "@remix-run/node";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf, requireUser } from "~/auth/guards.server";
import { refusalAnswer, type Refusal } from "~/commands/refusals";
import type { UserActor } from "~/domain/lifecycle";
import { deviceInScope, deviceScopeOf, seesRegistry, type DeviceScope } from "~/domain/scope";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import type { SessionUser } from "~/models/user.server";
import { apiRefusal } from "./refusal-replies.server";

export type RegistryScope = Extract<DeviceScope, { kind: "all" } | { kind: "department" }>;
export type ScopedDevice = { user: SessionUser; actor: UserActor; scope: RegistryScope; device: DeviceDetail };

type Lookup = { ok: true; scope: RegistryScope; device: DeviceDetail } | { ok: false; refusal: Refusal };

function lookUp(actor: UserActor, id: string | undefined): Lookup {
  const scope = deviceScopeOf(actor);
  // Recipients and employees see their own devices on their home page, not in the staff registry.
  if (!seesRegistry(scope)) return { ok: false, refusal: { reason: "forbidden" } };
  const device = getDevice(Number(id));
  if (!device) return { ok: false, refusal: { reason: "not-found", entity: "device" } };
  if (!deviceInScope(device, scope)) return { ok: false, refusal: { reason: "out-of-scope" } };
  return { ok: true, scope, device };
}

/** For pages: the signed-in person and the device, or the error page (404, 403). */
export async function requireScopedDevice(request: Request, id: string | undefined): Promise<ScopedDevice> {
  const user = await requireUser(request);
  const actor = lifecycleActorOf(user);
  const found = lookUp(actor, id);
  if (!found.ok) throw data({ reason: found.refusal.reason }, { status: refusalAnswer(found.refusal).status });
  return { user, actor, scope: found.scope, device: found.device };
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
export function requireApiRegistryScope(request: Request): { user: SessionUser; actor: UserActor; scope: RegistryScope } {
  const user = requireApiUser(request);
  const actor = lifecycleActorOf(user);
  const scope = deviceScopeOf(actor);
  if (!seesRegistry(scope)) throw apiRefusal({ reason: "forbidden" });
  return { user, actor, scope };
}
