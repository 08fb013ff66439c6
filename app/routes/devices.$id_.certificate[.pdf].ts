import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdfResponse } from "~/documents/certificate-response.server";
import { requireScopedDevice } from "~/http/scoped-device.server";

/** /devices/:id/certificate.pdf: the wipe certificate, for staff who may see the device. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = await requireScopedDevice(request, params.id);
  const response = await certificatePdfResponse(device, request);
  if (!response) throw data({ reason: "not-found" }, { status: 404 });
  return response;
}
