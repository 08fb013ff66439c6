import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, methodNotAllowed } from "~/api/responses.server";
import { certificatePdfResponse } from "~/documents/certificate-response.server";
import { requireApiScopedDevice } from "~/http/scoped-device.server";

/** GET /api/v1/devices/:id/certificate.pdf: the same PDF as the device page's link. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = requireApiScopedDevice(request, params.id);
  return (await certificatePdfResponse(device, request)) ?? apiError(404, "not_found", "This device has no wipe certificate yet.");
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
