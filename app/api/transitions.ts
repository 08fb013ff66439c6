// The body of POST /api/v1/devices/:id/transitions and of the device page's action forms, read
// into the lifecycle module's TransitionInput.
import { z } from "zod";
import { conditionGrades, type TransitionInput } from "~/domain/lifecycle";

const text = (max: number) =>
  z.string({ required_error: "errors.required", invalid_type_error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

export const transitionBodySchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("collect") }),
  z.object({ action: z.literal("certify") }),
  z.object({ action: z.literal("list"), grade: z.enum(conditionGrades, { required_error: "errors.required", invalid_type_error: "errors.choose" }) }),
  z.object({ action: z.literal("reserve"), requestId: z.number().int().positive().optional() }),
  z.object({ action: z.literal("release"), reason: text(500) }),
  z.object({ action: z.literal("handover"), signedBy: text(120) }),
  z.object({ action: z.literal("return"), reason: z.string().trim().max(500, "errors.tooLong").optional() }),
  z.object({ action: z.literal("recycle"), recycler: text(160), certificateNumber: text(80) }),
]);

export type TransitionBody = z.infer<typeof transitionBodySchema>;

/** Accepts the names people are likely to send for the recycler's fields too. */
export function normalizeTransitionBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null) return body;
  const aliases: Record<string, string> = {
    recyclerName: "recycler",
    recyclerCertificateNumber: "certificateNumber",
    recyclerCertificate: "certificateNumber",
  };
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [aliases[key] ?? key, value]));
}

/**
 * What the lifecycle module needs, given where the device goes. Null: not taken through this path
 * (certify issues a certificate: app/models/wipe.server.ts; handover needs a confirmed match).
 */
export function transitionInputOf(body: TransitionBody, context: { itServiceId: number }): TransitionInput | null {
  switch (body.action) {
    case "collect":
      return { action: "collect", itServiceId: context.itServiceId };
    case "certify":
      return null;
    case "list":
      return { action: "list", grade: body.grade };
    case "reserve":
      return { action: "reserve", requestId: body.requestId };
    case "release":
      return { action: "release", reason: body.reason };
    case "return":
      return { action: "return", itServiceId: context.itServiceId, reason: body.reason };
    case "recycle":
      return { action: "recycle", recycler: body.recycler, certificateNumber: body.certificateNumber };
    case "handover":
      // A handover needs a confirmed match to know the recipient: that arrives with matching.
      return null;
  }
}
