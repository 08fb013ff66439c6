import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiDeviceScope } from "~/auth/api-auth.server";
import { custodyHeadHash, listDeviceCustody } from "~/models/custody.server";
import { deviceIsInScope, getDevice } from "~/models/device.server";

/** GET /api/v1/devices/:id/custody: the device's events, as hashed, and the ledger's head hash. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = requireApiDeviceScope(request);
  const device = getDevice(Number(params.id));
  if (!device) return apiError(404, "not_found", "There is no such device.");
  if (!deviceIsInScope(device, scope)) return apiError(403, "forbidden", "This device belongs to another department.");
  const events = listDeviceCustody(device.id).map((event) => ({
    seq: event.seq,
    type: event.type,
    from: event.fromHolder,
    to: event.toHolder,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: event.actorId,
    at: new Date(event.at).toISOString(),
    details: event.details,
    prevHash: event.prevHash,
    hash: event.hash,
  }));
  return apiJson({ events, headHash: custodyHeadHash() });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
