import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireDeviceScope } from "~/auth/guards.server";
import { certificatePdfResponse } from "~/documents/certificate-response.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";

/** /devices/:id/certificate.pdf: the wipe certificate, for staff who may see the device. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device) throw data({ reason: "not-found" }, { status: 404 });
  if (!deviceIsInScope(device, scope)) throw data({ reason: "forbidden" }, { status: 403 });
  const response = await certificatePdfResponse(device, request);
  if (!response) throw data({ reason: "not-found" }, { status: 404 });
  return response;
}
