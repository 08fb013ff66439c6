import type { ActionFunctionArgs } from "@remix-run/node";
import { transitionBodySchema, transitionInputOf, normalizeTransitionBody } from "~/api/transitions";
import { refusalResponse } from "~/api/device-responses.server";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { deviceScopeOf, lifecycleActorOf } from "~/auth/guards.server";
import { applyTransition, deviceIsInScope, getDevice, itServiceIdFor } from "~/models/device.server";
import { recordHandover, releaseReservation } from "~/models/match.server";
import { certifyDevice } from "~/models/wipe.server";
import { collectDevice } from "~/commands/devices/collect-device.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/devices/:id/transitions with {"action": ..., ...details}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = requireApiUser(request);
  const device = getDevice(Number(params.id));
  if (!device) return apiError(404, "not_found", "There is no such device.");
  // Staff act on devices they may see; recipients and employees have no registry view, and the
  // lifecycle's ownership guards decide what they may do (return their own, sign for their own).
  const scope = deviceScopeOf(user);
  if (scope && !deviceIsInScope(device, scope)) return apiError(403, "forbidden", "This device belongs to another department.");

  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return apiError(400, "invalid_json", "The request body must be a JSON object.");
  }
  const body = transitionBodySchema.safeParse(normalizeTransitionBody(raw));
  if (!body.success) return apiError(422, "validation_failed", "Some fields are not valid.", fieldErrorsOf(body.error));

  const actor = lifecycleActorOf(user);
  if (body.data.action === "certify") {
    const certified = certifyDevice(device.id, actor);
    return certified.ok ? apiJson(certified.device) : refusalResponse(certified);
  }
  if (body.data.action === "handover") {
    const signerAccount = user.role === "recipient" || user.role === "employee" ? user.id : null;
    const handedOver = recordHandover(device.id, body.data.signedBy, actor, signerAccount);
    if (!handedOver.ok)
      return handedOver.reason === "no-reservation" ? apiError(409, "invalid_state", "The device is not reserved for a request.") : refusalResponse(handedOver);
    return apiJson(handedOver.device);
  }
  if (body.data.action === "release") {
    const released = releaseReservation(device.id, body.data.reason, actor);
    return released.ok ? apiJson(released.device) : refusalResponse(released);
  }
  if (body.data.action === "collect") {
    const collected = collectDevice(actor, { deviceId: device.id });
    return collected.ok ? apiJson(collected.value) : apiRefusal(collected);
  }
  if (body.data.action === "reserve") return apiError(409, "use_matching", "Reserve a device by confirming a match: POST /api/v1/matching/confirm.");
  const itServiceId = itServiceIdFor(actor);
  if (itServiceId === null) return apiError(409, "no_it_service", "No IT service organization exists to take custody.");
  const input = transitionInputOf(body.data, { itServiceId });
  if (!input) return apiError(409, "not_available", "This action needs a confirmed match; it is not available yet.");
  const result = applyTransition(device.id, input, actor);
  if (!result.ok) return refusalResponse(result);
  return apiJson(result.device);
}
