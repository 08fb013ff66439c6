import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiDeviceScope, requireApiPermission } from "~/auth/api-auth.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";
import { MAX_LOG_BYTES, wipeDraftsFromLog } from "~/models/wipe-log.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/devices/:id/wipe-logs with an nwipe log as text/plain: draft wipe records, not saved. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  requireApiPermission(request, "wipe.record");
  const { scope } = requireApiDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device || !deviceIsInScope(device, scope)) return apiError(404, "not_found", "There is no such device.");
  const declaredLength = Number(request.headers.get("Content-Length") ?? 0);
  if (declaredLength > MAX_LOG_BYTES) return apiError(413, "too_large", "The log is larger than 5 MB.");
  const drafts = wipeDraftsFromLog(device, await request.text());
  if (!drafts.ok) return apiError(422, "unreadable_log", drafts.problems.join(" "), { log: drafts.problems });
  return apiJson({ drafts: drafts.drafts, ignoredDrives: drafts.ignoredDrives });
}
