import type { ActionFunctionArgs } from "@remix-run/node";
import { requestJson } from "~/api/request-json";
import { apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { rejectRequest, rejectRequestInput } from "~/commands/requests/reject-request.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/requests/:id/reject with {"reason"}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const result = rejectRequest(actor, await parseJsonBody(request, rejectRequestInput, { requestId: Number(params.id) }));
  return result.ok ? apiJson(requestJson(result.value)) : apiRefusal(result);
}
