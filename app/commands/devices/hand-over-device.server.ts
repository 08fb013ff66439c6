// A technician hands a reserved device over at the counter and records the recipient's typed signature;
// the request's other reserved devices can go in the same submission. Per device, the signature, the
// closed match, the request's fulfilled count, the custody event (which holds only the signature's id)
// and the recipient's notification are written, all in one transaction.
import type { CircuitDatabase } from "~/db.server";
import type { Holder, UserActor } from "~/domain/lifecycle";
import { handOverDeviceInput, type HandOverDeviceInput } from "~/forms/device-actions";
import { getDevice, type DeviceDetail } from "~/models/device.server";
import { closeMatch, countFulfilment, insertHandoverSignature, reservationFacts } from "~/models/match.server";
import { notify } from "~/models/notification.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice, transitionDevice } from "./device-transition.server";

export { handOverDeviceInput, type HandOverDeviceInput };

/** Hands over `deviceId` (returned) and the `alsoDeviceIds`, which must be reserved for the same request. */
export function handOverDevice(actor: UserActor, input: HandOverDeviceInput, options: CommandOptions = {}): CommandResult<DeviceDetail> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "device.handover");
    const now = commandTime(options);
    const handedOver = handOverIn(tx, actor, { deviceId: input.deviceId, signedBy: input.signedBy }, null, now);
    const others = (input.alsoDeviceIds ?? []).filter((deviceId) => deviceId !== input.deviceId);
    for (const deviceId of new Set(others)) {
      requireDevice(tx, deviceId, actor);
      const reservation = reservationFacts(deviceId, tx) ?? refuse({ reason: "no-reservation" });
      if (reservation.requestId !== handedOver.requestId) refuse({ reason: "invalid-input", fields: { alsoDeviceIds: ["errors.otherRequest"] } });
      handOverIn(tx, actor, { deviceId, signedBy: input.signedBy }, null, now);
    }
    return handedOver.device;
  });
}

/**
 * The handover of one device, shared with sign-handover (the recipient with the pickup code):
 * `signerUserId` links the signature to the signer's account when they signed from it.
 */
export function handOverIn(
  tx: CircuitDatabase,
  actor: UserActor,
  input: { deviceId: number; signedBy: string },
  signerUserId: string | null,
  now: number,
): { device: DeviceDetail; requestId: number } {
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
  return { device: handedOver, requestId: reservation.requestId };
}
