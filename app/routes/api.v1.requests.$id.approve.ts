import type { ActionFunctionArgs } from "@remix-run/node";
import { requestJson } from "~/api/request-json";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { approveSchema } from "~/forms/request";
import { approveRequest } from "~/models/request.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/requests/:id/approve with {"priority": 0..100}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const coordinator = requireApiPermission(request, "request.review");
  const { priority } = await parseJsonBody(request, approveSchema);
  const result = approveRequest(Number(params.id), priority, coordinator.id);
  if (!result.ok)
    return result.reason === "not-found"
      ? apiError(404, "not_found", "There is no such request.")
      : apiError(409, "invalid_state", "Only a submitted request can be approved.");
  return apiJson(requestJson(result.request));
}
