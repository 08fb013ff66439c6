// A technician hands a reserved device over and records the recipient's typed signature. The
// signature, the closed match, the request's fulfilled count, the custody event (which holds only the
// signature's id) and the recipient's notification are written in one transaction.
import type { CircuitDatabase } from "~/db.server";
import type { Holder, UserActor } from "~/domain/lifecycle";
import { handOverDeviceInput, type HandOverDeviceInput } from "~/forms/device-actions";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { closeMatch, countFulfilment, insertHandoverSignature, reservationFacts } from "~/models/match.server";
import { notify } from "~/models/notification.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { handOverDeviceInput, type HandOverDeviceInput };

export function handOverDevice(actor: UserActor, input: HandOverDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.handover");
    return handOverIn(tx, actor, input, null, commandTime(options));
  });
}

/**
 * The handover itself, shared with sign-handover (the recipient signing from their own account):
 * `signerUserId` links the signature to the signer's account when they signed in person.
 */
export function handOverIn(tx: CircuitDatabase, actor: UserActor, input: HandOverDeviceInput, signerUserId: string | null, now: number): DeviceDetail {
  const device = requireDevice(tx, input.deviceId, actor);
  const reservation = reservationFacts(device.row.id, tx) ?? refuse({ reason: "no-reservation" });
  if (input.signedBy.trim() === "") refuse({ reason: "invalid-input", fields: { signedBy: ["errors.required"] } });
  const recipient: Holder =
    reservation.requesterKind === "employee"
      ? { kind: "employee", userId: reservation.requesterId }
      : { kind: "organization", organizationId: reservation.organizationId };
  // Stored first so that the event can name it; a refusal below rolls it back with everything else.
  const signatureId = insertHandoverSignature(tx, {
    deviceId: device.row.id,
    matchId: reservation.matchId,
    signedByName: input.signedBy,
    signedByUserId: signerUserId,
    recordedById: actor.userId,
    signedAt: now,
  });
  transitionDevice(tx, device, { action: "handover", recipient, signatureId }, actor, now);
  closeMatch(tx, reservation.matchId, "handed-over", now);
  countFulfilment(tx, reservation.requestId);
  const handedOver = getDevice(device.row.id, tx)!;
  notify(
    reservation.requesterId,
    "handoverRecorded",
    { request: `#${reservation.requestId}`, device: `${handedOver.manufacturer} ${handedOver.model}`, assetTag: handedOver.assetTag },
    "/",
    tx,
  );
  return handedOver;
}
