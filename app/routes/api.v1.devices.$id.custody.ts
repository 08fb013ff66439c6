import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiScopedDevice } from "~/http/scoped-device.server";
import { custodyHeadHash, listDeviceCustody } from "~/models/custody.server";

/** GET /api/v1/devices/:id/custody: the device's events, as hashed, and the ledger's head hash. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = requireApiScopedDevice(request, params.id);
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
