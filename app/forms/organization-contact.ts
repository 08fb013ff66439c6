// The form for an organization's address, contact and opening hours (the command is
// app/commands/organizations/update-organization-contact.server.ts). They may be printed on a pickup
// receipt, so they hold only characters the PDF fonts have; line breaks are fine. Empty clears a field.
import { z } from "zod";
import { optionalPrintableText } from "./fields";

export const organizationContactForm = z.object({
  organizationId: z.number({ required_error: "errors.choose", invalid_type_error: "errors.choose" }).int().positive("errors.choose"),
  address: optionalPrintableText(300, { multiline: true }),
  contact: optionalPrintableText(300, { multiline: true }),
  openingHours: optionalPrintableText(300, { multiline: true }),
});
/** What the command takes: the parsed form, or (the seed, tests) the fields as plain text; empty or missing clears one. */
export type OrganizationContactInput = { organizationId: number; address?: string | null; contact?: string | null; openingHours?: string | null };
