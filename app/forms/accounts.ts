// The inputs of the account commands (app/commands/accounts/, organizations/register-organization,
// invites/accept-invite), here so that their pages validate with them in the browser too.
import { z } from "zod";
import { recipientOrganizationKinds } from "~/domain/organizations";
import { emailField, enumField, honeypotField, newPasswordField, optionalText, requiredText } from "./fields";

export const signUpEmployeeInput = z.object({
  name: requiredText(120),
  email: emailField(),
  departmentId: z.coerce.number({ required_error: "errors.choose", invalid_type_error: "errors.choose" }).int().positive("errors.choose"),
  password: newPasswordField(),
  website: honeypotField(),
});
export type SignUpEmployeeInput = z.infer<typeof signUpEmployeeInput>;

export const registerOrganizationInput = z.object({
  organizationName: requiredText(160),
  kind: enumField([...recipientOrganizationKinds]),
  description: optionalText(1000),
  memberName: requiredText(120),
  email: emailField(),
  password: newPasswordField(),
  website: honeypotField(),
});
export type RegisterOrganizationInput = z.infer<typeof registerOrganizationInput>;

export const acceptInviteInput = z.object({ name: requiredText(120), password: newPasswordField() });
export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;
