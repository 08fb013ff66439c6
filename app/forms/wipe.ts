// The wipe record's fields and rules, shared by the technician's form (client and server), the record-wipe
// command's input (app/commands/wipes/record-wipe.server.ts adds the device and medium) and the API.
// Method/technique agreement is the domain's rule (app/domain/wipes.ts), applied here per field.
import { z } from "zod";
import { sanitizationMethods, sanitizationTechniques, verificationLevels, wipeRecordViolations, wipeResults, type WipeRecordInput } from "~/domain/wipes";
import { parseMoment } from "~/i18n/format";
import { MAX_LOG_EXCERPT_CHARS } from "~/domain/wipe-drafts";
import { enumField, hasNoLoneSurrogate, isCalendarDate, optionalPrintableText, printableText } from "./fields";

const moment = z
  .string()
  .transform((value, context) => {
    const parsed = parseMoment(value);
    // parseMoment rolls impossible days over (2027-02-31 → 3 March); a written date must exist as written.
    const writtenDate = /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0];
    if (parsed === null || (writtenDate !== undefined && !isCalendarDate(writtenDate))) context.addIssue({ code: "custom", message: "errors.dateTime" });
    return parsed;
  })
  .nullish()
  .transform((value) => value ?? null);

const optionalWholeNumber = (min: number, max: number) =>
  z
    .number({ invalid_type_error: "errors.number" })
    .int("errors.wholeNumber")
    .min(min, "errors.outOfRange")
    .max(max, "errors.outOfRange")
    .nullish()
    .transform((value) => value ?? null);

export const wipeSources = ["manual", "nwipe-log"] as const;

/** The fields of one wipe record, each on its own; `wipeRecordSchema` adds the rules between them. */
export const wipeRecordFields = z.object({
  method: enumField([...sanitizationMethods]),
  technique: enumField([...sanitizationTechniques]),
  rounds: optionalWholeNumber(1, 100),
  // The certificate prints the tool, its version and the notes.
  tool: printableText(80),
  toolVersion: printableText(80),
  verification: enumField([...verificationLevels]),
  samplePercent: optionalWholeNumber(1, 100),
  result: enumField([...wipeResults]),
  startedAt: moment,
  finishedAt: moment,
  notes: optionalPrintableText(2000, { multiline: true }),
  /** Typed by hand, or a draft read from an nwipe log and reviewed. */
  source: z.enum(wipeSources).default("manual"),
  /** A draft's lines of its log (the wipe-logs answer's logExcerpt), kept with the record for the validator. */
  logExcerpt: z
    .string()
    .max(MAX_LOG_EXCERPT_CHARS, "errors.tooLong")
    .refine(hasNoLoneSurrogate, "errors.brokenCharacter")
    .optional()
    .transform((value) => (value?.trim() ? value : undefined)),
});

/** Names each rule violation at its field, as conform and the API's `fields` expect. */
export function addWipeRuleIssues(record: WipeRecordInput, context: z.RefinementCtx) {
  for (const violation of wipeRecordViolations(record)) context.addIssue({ code: "custom", path: [violation.field], message: violation.message });
}

export const wipeRecordSchema = wipeRecordFields.superRefine(addWipeRuleIssues);

export type WipeRecordFormValues = z.input<typeof wipeRecordSchema>;

/**
 * The validator's form on the device page: which record, that they checked its evidence (required,
 * also on the server), and "validate and certify" when it is the device's last drive to validate.
 */
export const validateWipeForm = z.object({
  wipeId: z.number({ required_error: "errors.notFound.wipe", invalid_type_error: "errors.notFound.wipe" }).int().positive(),
  evidenceChecked: z.literal("on", { errorMap: () => ({ message: "errors.confirmEvidence" }) }),
  certify: z.literal("true").optional(),
});
