// The device registration schema, shared by the registration form, the edit form and the API.
// Messages are translation keys (see app/forms/fields.ts).
import { z } from "zod";
import { deviceTypes, mediumKinds } from "~/domain/devices";
import { deviceStatuses } from "~/domain/lifecycle";
import { enumField, isCalendarDate, normalizeDecimalText, optionalText, printableText } from "./fields";

/** Sort keys of device lists (the model maps each to a column). */
export const deviceSortKeys = ["updated", "assetTag", "model", "status", "type"] as const;

export { keyboardLayouts } from "~/domain/devices";

const optionalNumber = (min: number, max: number, { integer = false } = {}) => {
  const base = z.number({ invalid_type_error: "errors.number" }).min(min, "errors.outOfRange").max(max, "errors.outOfRange");
  // Typed text ("14,5", "1.049,00") becomes the number's text first; the API's JSON numbers pass unchanged.
  return z
    .preprocess(normalizeDecimalText, integer ? base.int("errors.wholeNumber") : base)
    .nullish()
    .transform((value) => value ?? null);
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date")
  .refine(isCalendarDate, "errors.date")
  .refine((value) => value <= new Date().toISOString().slice(0, 10), "errors.dateInFuture")
  .nullish()
  .transform((value) => value ?? null);

// What certificates and labels print (asset tag, serial numbers, make and model) holds only characters their fonts have.
export const mediumSchema = z.object({
  serial: printableText(80),
  kind: enumField([...mediumKinds]),
  capacityGb: z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(1, "errors.outOfRange")
    .max(1_000_000, "errors.outOfRange"),
});

/** The specifications (app/domain/device-corrections.ts): registered, and corrected by a technician at collection and grading. */
export const deviceSpecSchemaFields = {
  cpu: optionalText(120),
  ramGb: optionalNumber(0, 4096, { integer: true }),
  storageGb: optionalNumber(0, 1_000_000, { integer: true }),
  screenInches: optionalNumber(1, 120),
  keyboardLayout: optionalText(40),
  batteryHealthPercent: optionalNumber(0, 100, { integer: true }),
  weightKg: optionalNumber(0, 500),
};

const deviceFields = {
  assetTag: printableText(40),
  serial: printableText(80),
  manufacturer: printableText(80),
  model: printableText(120),
  type: enumField([...deviceTypes]),
  ...deviceSpecSchemaFields,
  conditionNotes: optionalText(2000),
  purchaseDate: isoDate,
  media: z.array(mediumSchema).max(16, "errors.tooMany").default([]),
  /** Only coordinators choose; department staff always register for their own department. */
  departmentId: z.number({ invalid_type_error: "errors.choose" }).int().positive("errors.choose").optional(),
};

/** The API's body: prices in cents. */
export const deviceApiSchema = z.object({ ...deviceFields, purchasePriceCents: optionalNumber(0, 100_000_000, { integer: true }) });

function eurosToCents<Device extends { purchasePriceEuros: number | null }>({ purchasePriceEuros, ...device }: Device) {
  return { ...device, purchasePriceCents: purchasePriceEuros === null ? null : Math.round(purchasePriceEuros * 100) };
}

const deviceFormObject = z.object({ ...deviceFields, purchasePriceEuros: optionalNumber(0, 1_000_000) });

/** The form: prices in euros, as people type them. */
export const deviceFormSchema = deviceFormObject.transform(eurosToCents);

/** Registering in a form: the asset tag may be left empty, and registerDevice assigns a free one (the API still requires it). */
export const registerDeviceFormSchema = deviceFormObject.extend({ assetTag: printableText(40).optional() }).transform(eurosToCents);

/** Filters, sorting and paging of device lists: the list page's query string and the API's. */
/** Far past any list's last page (a million pages of 200), and small enough for any offset. */
export const MAX_LIST_PAGE = 1_000_000;

export const deviceListQuerySchema = z.object({
  status: z.enum(deviceStatuses).optional(),
  type: z.enum(deviceTypes).optional(),
  q: z.string().trim().max(100).optional(),
  departmentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  sort: z.enum(deviceSortKeys).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  // Bounded so that the offset stays an integer SQLite takes (page=1e300 is an integer to zod, not to SQLite).
  page: z.coerce.number().int().min(1).max(MAX_LIST_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The query string without empty values, as an object for deviceListQuerySchema. */
export function searchParamsObject(url: string): Record<string, string> {
  return Object.fromEntries([...new URL(url).searchParams].filter(([, value]) => value !== ""));
}
