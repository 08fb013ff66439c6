import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiPermission } from "~/auth/api-auth.server";
import { proposeMatches } from "~/models/match.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/matching/run: an optimal assignment of listed devices to open requests; changes nothing. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  requireApiPermission(request, "match.run");
  const { proposals, unserved, idleDevices, totalScore } = proposeMatches();
  return apiJson({ proposals, unserved, idleDevices, totalScore });
}
