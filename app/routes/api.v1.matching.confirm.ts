import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { refusalResponse } from "~/api/device-responses.server";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { confirmMatch } from "~/models/match.server";

const confirmSchema = z.object({ deviceId: z.number().int().positive(), requestId: z.number().int().positive() });

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/matching/confirm: reserve the device for the request. Exactly one of simultaneous confirmations wins. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const coordinator = requireApiPermission(request, "match.confirm");
  const { deviceId, requestId } = await parseJsonBody(request, confirmSchema);
  const result = confirmMatch(deviceId, requestId, lifecycleActorOf(coordinator));
  if (result.ok) return apiJson({ device: result.device, requestId });
  if (result.reason === "request-not-open") return apiError(409, "request_not_open", "The request is not approved or has no open slot left.");
  if (result.reason === "not-feasible") return apiError(409, "not_feasible", "The device does not meet the request's type, specs or keyboard layout.");
  if (result.reason === "not-found") return apiError(404, "not_found", "There is no such device or request.");
  if (result.reason === "conflict" || result.reason === "invalid-state") return apiError(409, "device_not_listed", "The device is no longer listed.");
  return refusalResponse(result);
}
