import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { storageAbsenceJson } from "~/api/wipe-responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { recordStorageAbsence, recordStorageAbsenceInput } from "~/commands/wipes/record-storage-absence.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/devices/:id/storage-absence: record that a collected device without media holds no storage. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = requireApiUser(request);
  const input = await parseJsonBody(request, recordStorageAbsenceInput, { deviceId: Number(params.id) });
  const result = recordStorageAbsence(lifecycleActorOf(user), input);
  return result.ok ? apiJson(storageAbsenceJson(result.value), 201) : apiRefusal(result);
}
