// The inputs of the request commands (app/commands/requests/), here so that the page's form can
// validate with them in the browser too: the commands export these same schemas as their input.
import { z } from "zod";
import { requestStatuses } from "~/domain/requests";
import { deviceTypes } from "~/domain/devices";
import type { RubricKind } from "~/domain/priority-rubric";
import { enumField, isCalendarDate, optionalText, requiredText } from "./fields";

const wholeNumber = (min: number, max: number) =>
  z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(min, "errors.outOfRange")
    .max(max, "errors.outOfRange");

const requestId = z.number({ required_error: "errors.required", invalid_type_error: "errors.number" }).int().positive();

const pupilsWithoutDevice = wholeNumber(0, 100_000);
const disadvantagedSharePercent = wholeNumber(0, 100);
const peopleServed = wholeNumber(0, 1_000_000);

/** A new request. Whether the requester may ask this many is the command's rule (an employee asks for one). */
export const fileRequestInput = z.object({
  type: enumField([...deviceTypes]),
  quantity: wholeNumber(1, 500),
  minRamGb: wholeNumber(0, 1024).default(0),
  minStorageGb: wholeNumber(0, 100_000).default(0),
  minScreenInches: z
    .number({ invalid_type_error: "errors.number" })
    .min(1, "errors.outOfRange")
    .max(100, "errors.outOfRange")
    .nullish()
    .transform((value) => value ?? null),
  keyboardLayout: z
    .string()
    .trim()
    .max(40, "errors.tooLong")
    .optional()
    .transform((value) => value || "any"),
  purpose: requiredText(2000),
  beneficiaries: wholeNumber(1, 100_000),
  neededBy: z
    .string({ required_error: "errors.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date")
    .refine(isCalendarDate, "errors.date")
    .refine((value) => value >= new Date().toISOString().slice(0, 10), "errors.dateInPast"),
  // The priority rubric's questions (app/domain/priority-rubric.ts). Optional, so that older API
  // bodies stay valid; the page asks the ones for the requester's kind of organization.
  pupilsWithoutDevice: pupilsWithoutDevice.optional().describe("A school: how many of its pupils lack a device at home (priority rubric)."),
  disadvantagedSharePercent: disadvantagedSharePercent
    .optional()
    .describe("A school: the share of pupils (%) with a school allowance or a disadvantage indicator (priority rubric)."),
  peopleServed: peopleServed.optional().describe("A nonprofit: how many people it serves (priority rubric)."),
  vulnerable: z.boolean().optional().describe("A nonprofit: whether most of the people it serves are in a vulnerable situation (priority rubric)."),
});
export type FileRequestInput = z.infer<typeof fileRequestInput>;

/**
 * The request form of a school or nonprofit asks the rubric's questions for its kind, as required
 * fields of the form itself (so that every missing field is reported at once); an employee's has none.
 */
export function fileRequestFormInput(rubricKind: RubricKind | null): z.ZodType<FileRequestInput, z.ZodTypeDef, z.input<typeof fileRequestInput>> {
  if (rubricKind === "school")
    return fileRequestInput.extend({ pupilsWithoutDevice: pupilsWithoutDevice, disadvantagedSharePercent: disadvantagedSharePercent });
  if (rubricKind === "nonprofit") return fileRequestInput.extend({ peopleServed: peopleServed });
  return fileRequestInput;
}

export const cancelRequestInput = z.object({ requestId });
export type CancelRequestInput = z.infer<typeof cancelRequestInput>;

export const approveRequestInput = z.object({
  requestId,
  priority: wholeNumber(0, 100),
  priorityReason: optionalText(1000).describe("Why the priority differs from the one the rubric computed; required then."),
});
/** Callers that do not change the rubric's priority may leave the reason out. */
export type ApproveRequestInput = Omit<z.infer<typeof approveRequestInput>, "priorityReason"> & { priorityReason?: string | null };

export const rejectRequestInput = z.object({ requestId, reason: requiredText(1000) });
export type RejectRequestInput = z.infer<typeof rejectRequestInput>;

/** GET /api/v1/requests?status=: an optional status filter. */
export const requestListQuery = z.object({ status: z.enum(requestStatuses).optional() });
