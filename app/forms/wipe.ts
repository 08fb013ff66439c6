// The wipe record schema, shared by the technician's form and POST /api/v1/devices/:id/media/:mediumId/wipes.
// Method/technique agreement is the domain's rule (app/domain/wipes.ts), applied here per field.
import { z } from "zod";
import { sanitizationMethods, sanitizationTechniques, verificationLevels, wipeRecordViolations, wipeResults } from "~/domain/wipes";
import { parseMoment } from "~/i18n/format";
import { enumField, optionalText, requiredText } from "./fields";

const moment = z
  .string()
  .transform((value, context) => {
    const parsed = parseMoment(value);
    if (parsed === null) context.addIssue({ code: "custom", message: "errors.dateTime" });
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

export const wipeRecordSchema = z
  .object({
    method: enumField([...sanitizationMethods]),
    technique: enumField([...sanitizationTechniques]),
    rounds: optionalWholeNumber(1, 100),
    tool: requiredText(80),
    toolVersion: requiredText(80),
    verification: enumField([...verificationLevels]),
    samplePercent: optionalWholeNumber(1, 100),
    result: enumField([...wipeResults]),
    startedAt: moment,
    finishedAt: moment,
    notes: optionalText(2000),
  })
  .superRefine((record, context) => {
    for (const violation of wipeRecordViolations(record)) context.addIssue({ code: "custom", path: [violation.field], message: violation.message });
  });

export type WipeRecordFormValues = z.input<typeof wipeRecordSchema>;
