import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { wipeRecordJson } from "~/api/wipe-responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { recordWipe, recordWipeInput } from "~/commands/wipes/record-wipe.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/devices/:id/media/:mediumId/wipes: record one sanitization attempt. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = requireApiUser(request);
  const input = await parseJsonBody(request, recordWipeInput, { deviceId: Number(params.id), mediumId: Number(params.mediumId) });
  const result = recordWipe(lifecycleActorOf(user), input);
  return result.ok ? apiJson(wipeRecordJson(result.value), 201) : apiRefusal(result);
}
