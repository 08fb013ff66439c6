import type { ActionFunctionArgs } from "@remix-run/node";
import { requestJson } from "~/api/request-json";
import { apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { approveRequest, approveRequestInput } from "~/commands/requests/approve-request.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/requests/:id/approve with {"priority": 0..100}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const result = approveRequest(actor, await parseJsonBody(request, approveRequestInput, { requestId: Number(params.id) }));
  return result.ok ? apiJson(requestJson(result.value)) : apiRefusal(result);
}
