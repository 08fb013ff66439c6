// A technician puts devices reserved for a request out for pickup: where, and in which time window. The
// request gets one new pickup code (the technician gives it at the counter; the recipient types it to
// sign), and the requester and their organization's members are told in the app and by e-mail. Ready for
// pickup is not a change of state or holder: the device stays reserved and no custody event is written.
import { randomInt } from "node:crypto";
import type { UserActor } from "~/domain/lifecycle";
import { newPickupCode, pickupWindowProblem } from "~/domain/pickup";
import { preparePickupInput, type PreparePickupInput } from "~/forms/pickup";
import { formatDateTime } from "~/i18n/format";
import { notify } from "~/models/notification.server";
import { clearWrongPickupCodes, pickupAudience, reservedDevicesOfRequest, writePickupReady, writeRequestPickupCode } from "~/models/pickup.server";
import { getRequest } from "~/models/request.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";

export { preparePickupInput, type PreparePickupInput };

export type PreparedPickup = {
  requestId: number;
  pickupCode: string;
  devices: { deviceId: number; assetTag: string }[];
  pickupLocation: string;
  pickupFrom: number;
  pickupUntil: number;
};

export function preparePickup(actor: UserActor, input: PreparePickupInput, options: CommandOptions = {}): CommandResult<PreparedPickup> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "pickup.prepare");
    const now = commandTime(options);
    const request = getRequest(input.requestId, tx) ?? refuse({ reason: "not-found", entity: "request" });
    const reserved = reservedDevicesOfRequest(request.id, tx);
    const chosen = [...new Set(input.deviceIds)].map(
      (deviceId) => reserved.find((device) => device.deviceId === deviceId) ?? refuse({ reason: "no-reservation" }),
    );
    const window = { from: input.pickupFrom, until: input.pickupUntil };
    const problem = pickupWindowProblem(window, now);
    if (problem) refuse({ reason: "invalid-input", fields: { [problem.field]: [problem.message] } });

    writePickupReady(
      tx,
      chosen.map((device) => device.matchId),
      { readyAt: now, readyById: actor.userId, location: input.pickupLocation, ...window },
    );
    // One code for the request: every device of it that waits at the counter answers to the newest code.
    const pickupCode = newPickupCode(randomInt);
    writeRequestPickupCode(tx, request.id, pickupCode);
    clearWrongPickupCodes(tx, request.id);

    const devices = chosen.map((device) => `${device.manufacturer} ${device.model} (${device.assetTag})`).join(", ");
    for (const userId of pickupAudience(request.id, tx)) {
      notify(
        userId,
        "pickupReady",
        (language) => ({
          request: `#${request.id}`,
          devices,
          location: input.pickupLocation,
          from: formatDateTime(window.from, language),
          until: formatDateTime(window.until, language),
        }),
        "/",
        tx,
      );
    }
    return {
      requestId: request.id,
      pickupCode,
      devices: chosen.map((device) => ({ deviceId: device.deviceId, assetTag: device.assetTag })),
      pickupLocation: input.pickupLocation,
      pickupFrom: window.from,
      pickupUntil: window.until,
    };
  });
}
