import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, apiJson, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { createApiToken } from "~/models/api-token.server";
import { attemptSignIn } from "~/models/sign-in.server";

const tokenRequestSchema = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
  label: z.string().trim().min(1).max(80).optional(),
});

export async function loader() {
  return methodNotAllowed(["POST"]);
}

/** POST /api/v1/tokens: exchange an account's e-mail and password for a bearer token. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  const body = await parseJsonBody(request, tokenRequestSchema);
  const now = Date.now();
  const outcome = await attemptSignIn(body.email, body.password, now);
  if (outcome.kind === "locked") {
    const retryAfterSeconds = Math.ceil((outcome.lockedUntil - now) / 1000);
    const response = apiError(429, "account_locked", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
    response.headers.set("Retry-After", String(retryAfterSeconds));
    return response;
  }
  if (outcome.kind === "invalid") return apiError(401, "invalid_credentials", "E-mail address or password is not right.");
  const { token } = createApiToken(outcome.userId, body.label ?? "API");
  return apiJson({ token }, 201);
}
