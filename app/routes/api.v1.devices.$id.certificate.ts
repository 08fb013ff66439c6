import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateJson } from "~/api/wipe-responses.server";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiDeviceScope } from "~/auth/api-auth.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";
import { currentCertificate } from "~/models/wipe.server";

/** GET /api/v1/devices/:id/certificate: the device's latest wipe certificate as JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = requireApiDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device) return apiError(404, "not_found", "There is no such device.");
  if (!deviceIsInScope(device, scope)) return apiError(403, "forbidden", "This device belongs to another department.");
  const certificate = currentCertificate(device.id);
  if (!certificate) return apiError(404, "not_found", "This device has no wipe certificate yet.");
  return apiJson(certificateJson(certificate, device));
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
