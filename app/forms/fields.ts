// Field schemas shared by the forms. Messages are translation keys: the same schema validates on
// the client and on the server, and the page shows the message in the reader's language.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/accounts";
import { printableCodePointRanges } from "./printable-code-points";

/**
 * Whether a text holds no lone UTF-16 surrogate ("\ud800" from a JSON escape): no character, it would
 * be stored as U+FFFD, so what was sent is not what is kept (or hashed into the chain).
 */
export function hasNoLoneSurrogate(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}

/**
 * A number as people type it, as the text the number parser reads: "14,5" and "14.5" are both fourteen and a half,
 * "1.049,50" (Dutch) and "1,049.50" (English) both a thousand and forty-nine and a half; a euro sign and spaces are
 * ignored. With both marks the last one is the decimal sign; a single comma alone is a decimal comma; a mark that
 * occurs more than once groups thousands. Anything else passes unchanged for the schema to judge.
 */
export function normalizeDecimalText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.replace(/[€\s\u00a0\u202f]/g, "");
  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    const decimalMark = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    const groupMark = decimalMark === "," ? "." : ",";
    return text.split(groupMark).join("").replace(decimalMark, ".");
  }
  if (commas === 1) return text.replace(",", ".");
  if (commas > 1) return text.split(",").join("");
  if (dots > 1) return text.split(".").join("");
  return text;
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

/**
 * A field error whose translation has {{placeholders}}: a zod issue carries one string, so the key and
 * its values travel together as "key {json}"; messageParts() takes them apart again where it is shown.
 */
export function messageWithValues(key: string, values: Record<string, string>): string {
  return `${key} ${JSON.stringify(values)}`;
}

/** The translation key of a field error and the values for its placeholders (none for a plain key). */
export function messageParts(message: string): { key: string; values: Record<string, string> } {
  const space = message.indexOf(" {");
  if (space === -1) return { key: message, values: {} };
  try {
    const values: unknown = JSON.parse(message.slice(space + 1));
    if (typeof values === "object" && values !== null && Object.values(values).every((value) => typeof value === "string")) {
      return { key: message.slice(0, space), values: Object.fromEntries(Object.entries(values)) };
    }
  } catch {
    // Not one of ours: a message that merely holds " {" is shown as it is.
  }
  return { key: message, values: {} };
}

const printableRanges = printableCodePointRanges.split(" ").map((range) => {
  const [first = "", last = first] = range.split("-");
  return [parseInt(first, 16), parseInt(last, 16)] as const;
});

function isPrintableCodePoint(codePoint: number): boolean {
  let low = 0;
  let high = printableRanges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = printableRanges[middle] ?? [0, -1];
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * The characters of `value` that the fonts of certificates and labels cannot print (app/forms/printable-code-points.ts),
 * each once, in order. Line breaks and tabs count as printable where a field may hold several lines. Lone surrogates
 * are left to hasNoLoneSurrogate, which names them as broken.
 */
export function unprintableCharacters(value: string, { multiline = false } = {}): string[] {
  const found = new Set<string>();
  for (const character of value) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (multiline && (character === "\n" || character === "\r" || character === "\t")) continue;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    if (!isPrintableCodePoint(codePoint)) found.add(character);
  }
  return [...found];
}

/** How the error names characters: as themselves, or as U+200B where they would not be seen. */
function shownCharacters(characters: string[]): string {
  const shown = characters
    .slice(0, 10)
    .map((character) =>
      /^[\p{C}\p{Z}\p{M}]$/u.test(character) ? `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}` : character,
    );
  return characters.length > 10 ? `${shown.join(" ")} …` : shown.join(" ");
}

function refuseUnprintable(value: string | null, context: z.RefinementCtx, multiline: boolean): void {
  const characters = value === null ? [] : unprintableCharacters(value, { multiline });
  if (characters.length > 0) {
    context.addIssue({ code: "custom", message: messageWithValues("errors.notPrintableOnCertificate", { characters: shownCharacters(characters) }) });
  }
}

/** requiredText for what certificates or labels print: only characters their fonts have (Latin, Greek, Cyrillic, …), on one line. */
export const printableText = (maxLength = 200) => requiredText(maxLength).superRefine((value, context) => refuseUnprintable(value, context, false));

/** optionalText for what certificates print; `multiline` for notes typed in a text area. */
export const optionalPrintableText = (maxLength = 1000, { multiline = false } = {}) =>
  optionalText(maxLength).superRefine((value, context) => refuseUnprintable(value, context, multiline));

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
