import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { confirmMatch, confirmMatchInput } from "~/commands/matches/confirm-match.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/matching/confirm: reserve the device for the request. Exactly one of simultaneous confirmations wins. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const result = confirmMatch(actor, await parseJsonBody(request, confirmMatchInput));
  return result.ok ? apiJson({ device: result.value.device, requestId: result.value.requestId }) : apiRefusal(result);
}
