// What a technician confirms when they open a device: its drives and specifications at collection, the
// specifications again at grading. The commands take the changes (absent: as registered); the forms
// show everything, so an emptied field clears it and a drive taken out of the list was not there.
import { z } from "zod";
import { deviceSpecSchemaFields, mediumSchema } from "./device";

const id = z.number({ invalid_type_error: "errors.number" }).int().positive();

/** A drive as confirmed: a registered one by its id (kept, or with corrected facts), a new one without. */
export const confirmedMediumSchema = mediumSchema.extend({ id: id.nullish() });

export const deviceSpecsSchema = z.object(deviceSpecSchemaFields);

/** The collect command's input: the drives as found (the whole list) and the specifications that differ; both optional. */
export const collectDeviceInput = z.object({
  deviceId: id,
  media: z.array(confirmedMediumSchema).max(16, "errors.tooMany").optional(),
  specs: deviceSpecsSchema.partial().optional(),
});
export type CollectDeviceInput = z.infer<typeof collectDeviceInput>;

/** The device page's collect form: every drive and every specification, prefilled with the registration. */
export const collectForm = z.object({ media: z.array(confirmedMediumSchema).max(16, "errors.tooMany").default([]), ...deviceSpecSchemaFields });

/** The specifications in the grade-and-list form, as the technician leaves them. */
export const listSpecsFields = deviceSpecSchemaFields;
