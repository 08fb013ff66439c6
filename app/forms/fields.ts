// Field schemas shared by the forms. Messages are translation keys: the same schema validates on
// the client and on the server, and the page shows the message in the reader's language.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/accounts";

/**
 * Whether a text holds no lone UTF-16 surrogate ("\ud800" from a JSON escape): no character, it would
 * be stored as U+FFFD, so what was sent is not what is kept (or hashed into the chain).
 */
export function hasNoLoneSurrogate(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}

export const requiredText = (maxLength = 200) =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(maxLength, "errors.tooLong")
    .refine(hasNoLoneSurrogate, "errors.brokenCharacter");

export const optionalText = (maxLength = 1000) =>
  z
    .string()
    .trim()
    .max(maxLength, "errors.tooLong")
    .refine(hasNoLoneSurrogate, "errors.brokenCharacter")
    .optional()
    .transform((value) => (value ? value : null));

export const emailField = () =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(254, "errors.tooLong")
    .email("errors.email")
    .transform((value) => value.toLowerCase());

export const newPasswordField = () =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.required" })
    .min(PASSWORD_MIN_LENGTH, "errors.passwordTooShort")
    .max(PASSWORD_MAX_LENGTH, "errors.tooLong")
    .refine(hasNoLoneSurrogate, "errors.brokenCharacter");

export const currentPasswordField = () =>
  z.string({ required_error: "errors.required", invalid_type_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX_LENGTH, "errors.tooLong");

/** Public forms carry this hidden field; people leave it empty, form-filling bots do not. */
export const honeypotField = () => z.string().max(0, "errors.honeypot").optional();

export const enumField = <const Values extends [string, ...string[]]>(values: Values) =>
  z.enum(values, { required_error: "errors.required", invalid_type_error: "errors.choose" });

/** Whether "YYYY-MM-DD" names a day that exists: Date.parse reads 2027-02-31 as 3 March instead of refusing it. */
export function isCalendarDate(value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
