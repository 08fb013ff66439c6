// The invite command's input (app/commands/invites/create-invite.server.ts), here so that the page's
// form validates with it in the browser too.
import { z } from "zod";
import { invitableRoles } from "~/domain/invites";
import { emailField, enumField } from "./fields";

export const createInviteInput = z.object({
  email: emailField(),
  role: enumField([...invitableRoles]),
  organizationId: z.number({ required_error: "errors.choose", invalid_type_error: "errors.choose" }).int().positive("errors.choose"),
});
export type CreateInviteInput = z.infer<typeof createInviteInput>;
