import type { ActionFunctionArgs } from "@remix-run/node";
import { requestJson } from "~/api/request-json";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { rejectSchema } from "~/forms/request";
import { rejectRequest } from "~/models/request.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/requests/:id/reject with {"reason"}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const coordinator = requireApiPermission(request, "request.review");
  const { reason } = await parseJsonBody(request, rejectSchema);
  const result = rejectRequest(Number(params.id), reason, coordinator.id);
  if (!result.ok)
    return result.reason === "not-found"
      ? apiError(404, "not_found", "There is no such request.")
      : apiError(409, "invalid_state", "Only a submitted request can be rejected.");
  return apiJson(requestJson(result.request));
}
