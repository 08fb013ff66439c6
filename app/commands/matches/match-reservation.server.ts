// The step confirming a proposal, choosing a device by hand and confirming several share: inside the
// caller's transaction, check that the pair is still possible and feasible (the engine's own hard
// constraints) and reserve the device for the request, with the match row and the requester told.
import { matches } from "~db/schema";
import type { CircuitDatabase } from "~/db.server";
import type { UserActor } from "~/domain/lifecycle";
import { pairScore } from "~/domain/matching";
import { openSlots } from "~/domain/requests";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { matchableRequestOf } from "~/models/match.server";
import { notify } from "~/models/notification.server";
import { getRequest } from "~/models/request.server";
import { refuse } from "../command.server";
import { requireDevice, transitionDevice } from "../devices/device-transition.server";

export type ConfirmedMatch = { matchId: number; requestId: number; device: DeviceDetail; manual: boolean };

/** How the pair came about: the engine's proposal, or the coordinator's choice by hand (with an optional reason). */
export type MatchOrigin = { manual: false } | { manual: true; reason: string | null };

export function reserveForRequest(
  tx: CircuitDatabase,
  actor: UserActor,
  pair: { deviceId: number; requestId: number },
  origin: MatchOrigin,
  now: number,
): ConfirmedMatch {
  const request = getRequest(pair.requestId, tx) ?? refuse({ reason: "not-found", entity: "request" });
  const device = requireDevice(tx, pair.deviceId, actor);
  // The device first: of simultaneous confirmations of one device, every loser hears that it is
  // taken, even when the winner also filled the last slot of the loser's request.
  if (device.row.status !== "listed") refuse({ reason: "device-not-listed" });
  if (openSlots(request) === 0) refuse({ reason: "request-not-open" });
  const matchable = { ...device.row, listedAt: device.row.updatedAt.getTime() };
  // The score is there exactly when the pair is feasible (the engine's hard constraints): a device
  // chosen by hand must fit as much as a proposed one.
  const explanation = pairScore(matchable, matchableRequestOf(request), now) ?? refuse({ reason: "not-feasible" });

  transitionDevice(tx, device, { action: "reserve", requestId: request.id }, actor, now);
  const match = tx
    .insert(matches)
    .values({
      deviceId: device.row.id,
      requestId: request.id,
      score: explanation.total,
      explanation: JSON.stringify(explanation),
      status: "confirmed",
      confirmedById: actor.userId,
      confirmedAt: new Date(now),
      manual: origin.manual,
      manualReason: origin.manual ? origin.reason : null,
    })
    .returning({ id: matches.id })
    .get();
  notify(request.requesterId, "matchConfirmed", { request: `#${request.id}`, device: `${device.row.manufacturer} ${device.row.model}` }, "/", tx);
  return { matchId: match.id, requestId: request.id, device: getDevice(device.row.id, tx)!, manual: origin.manual };
}
