import type { ActionFunctionArgs } from "@remix-run/node";
import { validationRefusalResponse, wipeRecordJson } from "~/api/wipe-responses.server";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { validateWipe } from "~/models/wipe.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/wipes/:wipeId/validate: a second technician validates a passing wipe record. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const validator = requireApiPermission(request, "wipe.validate");
  const result = validateWipe(Number(params.wipeId), validator.id);
  if (!result.ok) return validationRefusalResponse(result);
  return apiJson(wipeRecordJson(result.record));
}
