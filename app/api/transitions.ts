// The body of POST /api/v1/devices/:id/transitions: {"action", ...details}. Each action's details are
// its command's input without the device (the address names it), so the API and the device page
// validate with the same schema; the OpenAPI document describes this union.
import { z } from "zod";
import { certifyDeviceInput } from "~/commands/devices/certify-device.server";
import { collectDeviceInput } from "~/commands/devices/collect-device.server";
import { handOverDeviceInput } from "~/commands/devices/hand-over-device.server";
import { listDeviceInput } from "~/commands/devices/list-device.server";
import { recycleDeviceInput } from "~/commands/devices/recycle-device.server";
import { releaseDeviceInput } from "~/commands/devices/release-device.server";
import { returnDeviceInput } from "~/commands/devices/return-device.server";
import { pickupCodeField } from "~/forms/pickup";

export const transitionBodySchema = z.discriminatedUnion("action", [
  collectDeviceInput.omit({ deviceId: true }).extend({ action: z.literal("collect") }),
  certifyDeviceInput.omit({ deviceId: true }).extend({ action: z.literal("certify") }),
  listDeviceInput.omit({ deviceId: true }).extend({ action: z.literal("list") }),
  /** Not taken here: a device is reserved by confirming a match (POST /api/v1/matching/confirm). */
  z.object({ action: z.literal("reserve"), requestId: z.number().int().positive().optional() }),
  releaseDeviceInput.omit({ deviceId: true }).extend({ action: z.literal("release") }),
  /**
   * By a technician: the representative's typed name; by the recipient: their own, from their account, with
   * the pickup code the technician gives at the counter (only for a device set ready for pickup).
   */
  handOverDeviceInput.omit({ deviceId: true, alsoDeviceIds: true }).extend({ action: z.literal("handover"), pickupCode: pickupCodeField.optional() }),
  returnDeviceInput.omit({ deviceId: true }).extend({ action: z.literal("return") }),
  recycleDeviceInput.omit({ deviceId: true }).extend({ action: z.literal("recycle") }),
]);

export type TransitionBody = z.infer<typeof transitionBodySchema>;
export type TransitionAction = TransitionBody["action"];

/**
 * Accepts the names people are likely to send for the recycler's certificate too. The recycler itself
 * is only ever an id (GET /api/v1/recyclers): a typed name is not taken.
 */
export function normalizeTransitionBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null) return body;
  const aliases: Record<string, string> = {
    recyclerCertificateNumber: "certificateNumber",
    recyclerCertificate: "certificateNumber",
  };
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [aliases[key] ?? key, value]));
}
