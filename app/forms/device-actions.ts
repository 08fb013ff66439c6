// The inputs of the device commands (app/commands/devices/), here so that the device page's and the
// home page's forms validate with the same schemas in the browser: the commands export them as their
// input, the API's transition body is built from them (app/api/transitions.ts).
import { z } from "zod";
import { conditionGrades } from "~/domain/lifecycle";
import { printableText, requiredText } from "./fields";
import { deviceSpecSchemaFields } from "./device";
import { deviceSpecsSchema } from "./device-confirmation";
import { recyclerChoice } from "./recycler";

const deviceId = z.number({ required_error: "errors.required", invalid_type_error: "errors.number" }).int().positive();

export const listDeviceInput = z.object({
  deviceId,
  /** Specifications the technician corrects while grading (absent: as they are); recorded in the list event. */
  specs: deviceSpecsSchema.partial().optional(),
  grade: z.enum(conditionGrades, { required_error: "errors.choose", invalid_type_error: "errors.choose" }),
});
export type ListDeviceInput = z.infer<typeof listDeviceInput>;

export const releaseDeviceInput = z.object({ deviceId, reason: requiredText(500) });
export type ReleaseDeviceInput = z.infer<typeof releaseDeviceInput>;

/**
 * A handover recorded by a technician at the counter: who signs, by their typed full name (printed on the
 * handover receipt), and the request's other reserved devices handed over in the same go.
 */
export const handOverDeviceInput = z.object({
  deviceId,
  signedBy: printableText(120),
  alsoDeviceIds: z.array(deviceId).max(49, "errors.tooMany").optional(),
});
export type HandOverDeviceInput = z.infer<typeof handOverDeviceInput>;

export const returnDeviceInput = z.object({ deviceId, reason: z.string().trim().max(500, "errors.tooLong").optional() });
export type ReturnDeviceInput = z.infer<typeof returnDeviceInput>;

/** The recycler (an organization the coordinator keeps, by id) and the destruction or recycling certificate it issues. */
export const recycleDeviceInput = z.object({ deviceId, ...recyclerChoice });
export type RecycleDeviceInput = z.infer<typeof recycleDeviceInput>;

const confirmed = (message: string) => z.literal("on", { errorMap: () => ({ message }) });

/** The device page's forms: a command's fields without the device (the page names it) and what people tick to confirm. */
export const listForm = listDeviceInput
  .omit({ deviceId: true, specs: true })
  .extend({ ...deviceSpecSchemaFields, specsConfirmed: confirmed("errors.confirmSpecs") });
export const handoverForm = handOverDeviceInput.omit({ deviceId: true }).extend({ signatureConfirmed: confirmed("errors.confirmSignature") });
export const releaseForm = releaseDeviceInput.omit({ deviceId: true });
export const recycleForm = recycleDeviceInput.omit({ deviceId: true });
