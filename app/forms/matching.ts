// The inputs of the match commands (app/commands/matches/), here so that the match board's forms can
// validate with them in the browser too. Pairs travel in forms as "deviceId-requestId".
import { z } from "zod";
import { optionalText } from "./fields";

const positiveId = z.number({ required_error: "errors.required", invalid_type_error: "errors.number" }).int().positive();

export const confirmMatchInput = z.object({ deviceId: z.number().int().positive(), requestId: z.number().int().positive() });
export type ConfirmMatchInput = z.infer<typeof confirmMatchInput>;

/** A device chosen by hand for a request; the reason is optional. */
export const chooseMatchInput = z.object({
  deviceId: positiveId,
  requestId: positiveId,
  reason: optionalText(500).transform((value) => value ?? ""),
});
export type ChooseMatchInput = z.infer<typeof chooseMatchInput>;

const pairText = z
  .string()
  .regex(/^\d{1,12}-\d{1,12}$/, "errors.matching.pair")
  .transform((value) => {
    const [deviceId, requestId] = value.split("-").map(Number);
    return { deviceId: deviceId!, requestId: requestId! };
  });

/** Several proposals to confirm at once: as objects (the API) or as "deviceId-requestId" (the board's checkboxes). */
export const confirmMatchesInput = z.object({
  pairs: z
    .array(z.union([confirmMatchInput, pairText]), { required_error: "errors.matching.noneSelected" })
    .min(1, "errors.matching.noneSelected")
    .max(500, "errors.outOfRange"),
});
export type ConfirmMatchesInput = z.infer<typeof confirmMatchesInput>;

/** Dismissed proposals on the board's address: ?dismiss=deviceId-requestId, repeated. */
export function dismissedPairs(values: readonly string[]): { deviceId: number; requestId: number }[] {
  return values.flatMap((value) => {
    const parsed = pairText.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}
