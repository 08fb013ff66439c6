import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { wipeRecordJson } from "~/api/wipe-responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { validateWipe, validateWipeInput } from "~/commands/wipes/validate-wipe.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/wipes/:wipeId/validate: a second technician validates a passing wipe record. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = requireApiUser(request);
  const input = validateWipeInput.safeParse({ wipeId: Number(params.wipeId) });
  // An address that is not a record's id names no record.
  if (!input.success) return apiRefusal({ reason: "not-found", entity: "wipe" });
  const result = validateWipe(lifecycleActorOf(user), input.data);
  return result.ok ? apiJson(wipeRecordJson(result.value)) : apiRefusal(result);
}
