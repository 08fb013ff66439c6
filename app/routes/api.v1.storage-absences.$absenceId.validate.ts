import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { storageAbsenceJson } from "~/api/wipe-responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { validateStorageAbsence, validateStorageAbsenceInput } from "~/commands/wipes/validate-storage-absence.server";
import { apiRefusal } from "~/http/refusal-replies.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/storage-absences/:absenceId/validate: a second technician validates a "no storage present" record. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const user = requireApiUser(request);
  const input = validateStorageAbsenceInput.safeParse({ absenceId: Number(params.absenceId) });
  // An address that is not a record's id names no record.
  if (!input.success) return apiRefusal({ reason: "not-found", entity: "storage-absence" });
  const result = validateStorageAbsence(lifecycleActorOf(user), input.data);
  return result.ok ? apiJson(storageAbsenceJson(result.value)) : apiRefusal(result);
}
