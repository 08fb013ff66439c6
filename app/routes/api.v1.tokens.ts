import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { createApiToken } from "~/commands/tokens/create-api-token.server";
import { apiTokenRequestInput } from "~/forms/api-token";
import { apiRefusal } from "~/http/refusal-replies.server";
import { attemptSignIn } from "~/models/sign-in.server";
import { getSessionUser } from "~/models/user.server";

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/tokens: exchange an account's e-mail and password for a bearer token. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const body = await parseJsonBody(request, apiTokenRequestInput);
  const now = Date.now();
  const outcome = await attemptSignIn(body.email, body.password, now);
  if (outcome.kind === "locked") {
    const retryAfterSeconds = Math.ceil((outcome.lockedUntil - now) / 1000);
    const response = apiError(429, "account_locked", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
    response.headers.set("Retry-After", String(retryAfterSeconds));
    return response;
  }
  if (outcome.kind === "deactivated") return apiError(401, "account_deactivated", "This account has been deactivated.");
  const user = outcome.kind === "invalid" ? null : getSessionUser(outcome.userId);
  if (!user) return apiError(401, "invalid_credentials", "E-mail address or password is not right.");
  const created = createApiToken(lifecycleActorOf(user), { label: body.label ?? "API", expiresInDays: body.expiresInDays }, { now });
  return created.ok ? apiJson({ token: created.value.token, expiresAt: created.value.expiresAt.toISOString() }, 201) : apiRefusal(created);
}
