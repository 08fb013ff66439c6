// The inputs of the API token commands (app/commands/tokens/), here so that the profile page's form
// validates with them in the browser too.
import { z } from "zod";
import { currentPasswordField, emailField, requiredText } from "./fields";

/** How long a new token may work, in days: a short list, so that no token is made to last for ever. */
const lifetimeField = z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)], { errorMap: () => ({ message: "errors.choose" }) });
export type ApiTokenLifetime = z.infer<typeof lifetimeField>;
export const apiTokenLifetimes: ApiTokenLifetime[] = lifetimeField.options.map((option) => option.value);
export const DEFAULT_API_TOKEN_LIFETIME_DAYS: ApiTokenLifetime = 90;

/** expiresInDays: one of apiTokenLifetimes; the command takes DEFAULT_API_TOKEN_LIFETIME_DAYS when it is left out. */
export const createApiTokenInput = z.object({ label: requiredText(80), expiresInDays: lifetimeField.optional() });
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const revokeApiTokenInput = z.object({ tokenId: z.number().int().positive() });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenInput>;

/** POST /api/v1/tokens: the account's e-mail and password, and the token's label (the command's input; "API" when none is given). */
export const apiTokenRequestInput = z.object({ email: emailField(), password: currentPasswordField() }).merge(createApiTokenInput.partial());
