// The inputs of the request commands (app/commands/requests/), here so that the page's form can
// validate with them in the browser too: the commands export these same schemas as their input.
import { z } from "zod";
import { requestStatuses } from "~/domain/requests";
import { deviceTypes } from "~/domain/devices";
import { enumField, isCalendarDate, requiredText } from "./fields";

const wholeNumber = (min: number, max: number) =>
  z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(min, "errors.outOfRange")
    .max(max, "errors.outOfRange");

const requestId = z.number({ required_error: "errors.required", invalid_type_error: "errors.number" }).int().positive();

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
});
export type FileRequestInput = z.infer<typeof fileRequestInput>;

export const cancelRequestInput = z.object({ requestId });
export type CancelRequestInput = z.infer<typeof cancelRequestInput>;

export const approveRequestInput = z.object({ requestId, priority: wholeNumber(0, 100) });
export type ApproveRequestInput = z.infer<typeof approveRequestInput>;

export const rejectRequestInput = z.object({ requestId, reason: requiredText(1000) });
export type RejectRequestInput = z.infer<typeof rejectRequestInput>;

/** GET /api/v1/requests?status=: an optional status filter. */
export const requestListQuery = z.object({ status: z.enum(requestStatuses).optional() });
