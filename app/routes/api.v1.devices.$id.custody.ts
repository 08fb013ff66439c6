import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/api/responses.server";
import { requireApiScopedDevice } from "~/http/scoped-device.server";
import { custodyHeadHash, listDeviceCustody } from "~/models/custody.server";
import { recyclersByIds } from "~/models/organization.server";

/**
 * GET /api/v1/devices/:id/custody: the device's events, as hashed, and the ledger's head hash. A recycle
 * event names its recycler by id; the recycler as it is now comes along, outside the hashed fields.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { device } = requireApiScopedDevice(request, params.id);
  const custody = listDeviceCustody(device.id);
  const recyclers = recyclersByIds(custody.flatMap((event) => (typeof event.details.recyclerId === "number" ? [event.details.recyclerId] : [])));
  const events = custody.map((event) => ({
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
    ...(typeof event.details.recyclerId === "number" && recyclers.has(event.details.recyclerId) ? { recycler: recyclers.get(event.details.recyclerId) } : {}),
  }));
  return apiJson({ events, headHash: custodyHeadHash() });
}

export async function action() {
  return methodNotAllowed(["GET"]);
}
