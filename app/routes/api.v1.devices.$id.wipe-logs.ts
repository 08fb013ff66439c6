import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed, parseApiInput } from "~/api/responses.server";
import { wipeLogJson } from "~/api/wipe-responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { MAX_LOG_BYTES, readWipeLog, readWipeLogInput } from "~/commands/wipes/read-wipe-log.server";
import { apiRefusal } from "~/http/refusal-replies.server";
import { readApiTextBody } from "~/http/request-body.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/devices/:id/wipe-logs with an nwipe log as text/plain: draft wipe records, not saved, and the drives the device lacks. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = requireApiUser(request);
  const input = parseApiInput(readWipeLogInput, { deviceId: Number(params.id), log: await readApiTextBody(request, MAX_LOG_BYTES, "log") });
  const result = readWipeLog(lifecycleActorOf(user), input);
  return result.ok ? apiJson(wipeLogJson(result.value)) : apiRefusal(result);
}
