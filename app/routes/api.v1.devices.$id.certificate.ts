import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateJson } from "~/api/wipe-responses.server";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiScopedDevice } from "~/http/scoped-device.server";
import { currentCertificate } from "~/models/wipe.server";

/** GET /api/v1/devices/:id/certificate: the device's latest wipe certificate as JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = requireApiScopedDevice(request, params.id);
  const certificate = currentCertificate(device.id);
  if (!certificate) return apiError(404, "not_found", "This device has no wipe certificate yet.");
  return apiJson(certificateJson(certificate, device));
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
