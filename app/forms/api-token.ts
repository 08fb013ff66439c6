// The inputs of the API token commands (app/commands/tokens/), here so that the profile page's form
// validates with them in the browser too.
import { z } from "zod";
import { currentPasswordField, emailField, requiredText } from "./fields";

export const createApiTokenInput = z.object({ label: requiredText(80) });
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ tokenId: z.number().int().positive() });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenInput>;

/** POST /api/v1/tokens: the account's e-mail and password, and the token's label (the command's input; "API" when none is given). */
export const apiTokenRequestInput = z.object({ email: emailField(), password: currentPasswordField() }).merge(createApiTokenInput.partial());
