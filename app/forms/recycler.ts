// The inputs of the recycler commands (app/commands/organizations/*-recycler.server.ts), here so that
// the recyclers page's forms validate with them in the browser too, and the single-line field that
// names and numbers on public pages and in the custody chain are made of.
import { z } from "zod";
import { requiredText } from "./fields";

/** Control, format, private-use and unassigned characters, and line or paragraph separators (requiredText refuses lone surrogates). */
const unprintable = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;

/**
 * A required single line of printable text (trimmed, at most `maxLength`): what is shown publicly or
 * hashed into the custody chain carries no line breaks, control characters or invisible formatting.
 */
export const printableLine = (maxLength: number) => requiredText(maxLength).refine((value) => !unprintable.test(value), "errors.notPrintable");

const recyclerId = z.number({ required_error: "errors.choose", invalid_type_error: "errors.choose" }).int().positive("errors.choose");

/** An accreditation such as a WEEE or Recupel registration number. */
const accreditationNumber = printableLine(60);

export const addRecyclerInput = z.object({ name: printableLine(120), accreditationNumber });
export type AddRecyclerInput = z.infer<typeof addRecyclerInput>;

export const updateRecyclerInput = z.object({ recyclerId, accreditationNumber });
export type UpdateRecyclerInput = z.infer<typeof updateRecyclerInput>;

/** The recycler a device goes to, chosen from the coordinator's list, and the certificate it issues for it. */
export const recyclerChoice = { recyclerId, certificateNumber: printableLine(80) };
