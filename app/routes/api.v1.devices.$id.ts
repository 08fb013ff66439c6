import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiDeviceScope } from "~/auth/api-auth.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";

/** GET /api/v1/devices/:id */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = requireApiDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device) return apiError(404, "not_found", "There is no such device.");
  if (!deviceIsInScope(device, scope)) return apiError(403, "forbidden", "This device belongs to another department.");
  return apiJson(device);
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
