// The request form's schema, shared by the page and POST /api/v1/requests.
import { z } from "zod";
import { deviceTypes } from "~/domain/devices";
import { requestQuantityProblem } from "~/domain/requests";
import { enumField, requiredText } from "./fields";

const wholeNumber = (min: number, max: number) =>
  z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(min, "errors.outOfRange")
    .max(max, "errors.outOfRange");

export const requestSchema = z.object({
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
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "errors.date")
    .refine((value) => value >= new Date().toISOString().slice(0, 10), "errors.dateInPast"),
});

/** The schema for one requester: an employee asks for exactly one device. */
export function requestSchemaFor(role: "recipient" | "employee" | string) {
  return requestSchema.superRefine((request, context) => {
    const problem = requestQuantityProblem({ type: request.type, quantity: request.quantity, requesterRole: role === "employee" ? "employee" : "recipient" });
    if (problem) context.addIssue({ code: "custom", path: ["quantity"], message: "errors.request.employeeOneDevice" });
  });
}

export const approveSchema = z.object({ priority: wholeNumber(0, 100) });
export const rejectSchema = z.object({ reason: requiredText(1000) });
