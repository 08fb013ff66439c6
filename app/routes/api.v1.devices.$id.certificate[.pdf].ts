import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, methodNotAllowed } from "~/api/responses.server";
import { requireApiDeviceScope } from "~/auth/api-auth.server";
import { certificatePdfResponse } from "~/documents/certificate-response.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";

/** GET /api/v1/devices/:id/certificate.pdf: the same PDF as the device page's link. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = requireApiDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device) return apiError(404, "not_found", "There is no such device.");
  if (!deviceIsInScope(device, scope)) return apiError(403, "forbidden", "This device belongs to another department.");
  return (await certificatePdfResponse(device, request)) ?? apiError(404, "not_found", "This device has no wipe certificate yet.");
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
