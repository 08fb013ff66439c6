// The recipient (a school's or nonprofit's member, or the employee) takes devices reserved for them at
// the counter: they type the pickup code the technician gives them there, so nobody signs for a device
// still on the shelf. Only devices a technician set ready for pickup can be signed for, all of one
// request, in one go; the signatures are linked to the signer's account. Wrong codes are counted per
// request (they are committed, not rolled back): the fifth replaces the request's code.
import { randomInt } from "node:crypto";
import type { UserActor } from "~/domain/lifecycle";
import { afterWrongPickupCode, newPickupCode, normalizePickupCode, pickupCodeMatches } from "~/domain/pickup";
import { signHandoverInput, type SignHandoverInput } from "~/forms/pickup";
import type { DeviceDetail } from "~/models/device.server";
import { reservationFacts } from "~/models/match.server";
import { clearWrongPickupCodes, pickupOfDevice, writeRequestPickupCode, writeWrongPickupCodes, wrongPickupCodes } from "~/models/pickup.server";
import { commandTime, refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "./device-transition.server";
import { handOverIn } from "./hand-over-device.server";

export { signHandoverInput, type SignHandoverInput };

type CodeOutcome = { kind: "handed-over"; devices: DeviceDetail[] } | { kind: "wrong-code" } | { kind: "code-replaced" };

export function signHandover(actor: UserActor, input: SignHandoverInput, options: CommandOptions = {}): CommandResult<DeviceDetail[]> {
  const outcome = runCommand<CodeOutcome>(options, (tx) => {
    requirePermission(actor, "handover.sign");
    const now = commandTime(options);
    const deviceIds = [...new Set(input.deviceIds)];
    if (deviceIds.length === 0) refuse({ reason: "invalid-input", fields: { deviceIds: ["errors.chooseDevice"] } });
    // Scope and readiness before the code: nobody else can spend a request's attempts, and a device on the shelf is not guessed for.
    const reservations = deviceIds.map((deviceId) => {
      requireDevice(tx, deviceId, actor);
      return reservationFacts(deviceId, tx) ?? refuse({ reason: "no-reservation" });
    });
    const requestId = reservations[0]!.requestId;
    if (reservations.some((reservation) => reservation.requestId !== requestId)) {
      refuse({ reason: "invalid-input", fields: { deviceIds: ["errors.otherRequest"] } });
    }
    const codes = deviceIds.map((deviceId) => pickupOfDevice(deviceId, tx)?.pickupCode ?? refuse({ reason: "not-ready-for-pickup" }));
    if (normalizePickupCode(input.pickupCode) === "") refuse({ reason: "invalid-input", fields: { pickupCode: ["errors.required"] } });
    if (!codes.every((code) => pickupCodeMatches(code, input.pickupCode))) {
      const next = afterWrongPickupCode(wrongPickupCodes(tx, requestId));
      if (next.kind === "code-replaced") {
        writeRequestPickupCode(tx, requestId, newPickupCode(randomInt));
        clearWrongPickupCodes(tx, requestId);
        return { kind: "code-replaced" };
      }
      writeWrongPickupCodes(tx, requestId, next.wrong);
      return { kind: "wrong-code" };
    }
    clearWrongPickupCodes(tx, requestId);
    return {
      kind: "handed-over",
      devices: deviceIds.map((deviceId) => handOverIn(tx, actor, { deviceId, signedBy: input.signedBy }, actor.userId, now).device),
    };
  });
  if (!outcome.ok) return outcome;
  switch (outcome.value.kind) {
    case "handed-over":
      return { ok: true, value: outcome.value.devices };
    case "wrong-code":
      return { ok: false, reason: "invalid-input", fields: { pickupCode: ["errors.wrongPickupCode"] } };
    case "code-replaced":
      return { ok: false, reason: "invalid-input", fields: { pickupCode: ["errors.pickupCodeReplaced"] } };
  }
}
