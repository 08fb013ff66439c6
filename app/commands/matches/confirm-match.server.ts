// A coordinator confirms a proposal of the matching engine: the device is reserved for the request.
// Everything is decided and written in one immediate transaction, so of several simultaneous
// confirmations of one device (or of the last open slot of a request) exactly one wins; the others
// read the device as no longer listed, or the request as full.
import { z } from "zod";
import { matches } from "~db/schema";
import type { UserActor } from "~/domain/lifecycle";
import { pairScore } from "~/domain/matching";
import { openSlots } from "~/domain/requests";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { matchableRequestOf } from "~/models/match.server";
import { notify } from "~/models/notification.server";
import { getRequest } from "~/models/request.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "../devices/device-transition.server";

export const confirmMatchInput = z.object({ deviceId: z.number().int().positive(), requestId: z.number().int().positive() });
export type ConfirmMatchInput = z.infer<typeof confirmMatchInput>;

export type ConfirmedMatch = { matchId: number; requestId: number; device: DeviceDetail };

export function confirmMatch(actor: UserActor, input: ConfirmMatchInput, options: CommandOptions = {}): CommandResult<ConfirmedMatch> {
  return runCommand(options, (tx) => {
    // Reserving is also how an employee's purchase starts; confirming a match is the coordinator's.
    requirePermission(actor, "match.confirm");
    const now = commandTime(options);
    const request = getRequest(input.requestId, tx) ?? refuse({ reason: "not-found", entity: "request" });
    const device = requireDevice(tx, input.deviceId, actor);
    // The device first: of simultaneous confirmations of one device, every loser hears that it is
    // taken, even when the winner also filled the last slot of the loser's request.
    if (device.row.status !== "listed") refuse({ reason: "device-not-listed" });
    if (openSlots(request) === 0) refuse({ reason: "request-not-open" });
    const matchable = { ...device.row, listedAt: device.row.updatedAt.getTime() };
    const matchableRequest = matchableRequestOf(request);
    // The score is there exactly when the pair is feasible (the engine's hard constraints).
    const explanation = pairScore(matchable, matchableRequest, now) ?? refuse({ reason: "not-feasible" });

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
      })
      .returning({ id: matches.id })
      .get();
    notify(request.requesterId, "matchConfirmed", { request: `#${request.id}`, device: `${device.row.manufacturer} ${device.row.model}` }, "/", tx);
    return { matchId: match.id, requestId: request.id, device: getDevice(device.row.id, tx)! };
  });
}
