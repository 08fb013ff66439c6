import type { ActionFunctionArgs } from "@remix-run/node";
import { wipeRecordJson } from "~/api/wipe-responses.server";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiDeviceScope, requireApiPermission } from "~/auth/api-auth.server";
import { wipeRecordSchema } from "~/forms/wipe";
import { deviceIsInScope, getDevice } from "~/models/device.server";
import { recordWipe } from "~/models/wipe.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/devices/:id/media/:mediumId/wipes: record one sanitization attempt. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const technician = requireApiPermission(request, "wipe.record");
  const { scope } = requireApiDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device || !deviceIsInScope(device, scope)) return apiError(404, "not_found", "There is no such device.");
  const body = await parseJsonBody(request, wipeRecordSchema);
  const result = recordWipe(device.id, Number(params.mediumId), body, technician.id);
  if (result.ok) return apiJson(wipeRecordJson(result.record), 201);
  if (result.reason === "not-found") return apiError(404, "not_found", "This device has no such storage medium.");
  if (result.reason === "invalid-state") return apiError(409, "invalid_state", `The device is ${result.status}: media are wiped while it is collected.`);
  return apiError(
    422,
    "validation_failed",
    "Method and technique do not agree.",
    Object.fromEntries(result.violations.map((violation) => [violation.field, [violation.message]])),
  );
}
