import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requestJson } from "~/api/request-json";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiUser } from "~/auth/api-auth.server";
import { lifecycleActorOf } from "~/auth/guards.server";
import { fileRequest, fileRequestInput } from "~/commands/requests/file-request.server";
import { requestListQuery } from "~/forms/request";
import { requestScopeOf } from "~/domain/scope";
import { apiRefusal } from "~/http/refusal-replies.server";
import { listRequests } from "~/models/request.server";

/** GET /api/v1/requests?status=: a coordinator sees all requests, a school or nonprofit its own, an employee their own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = requestScopeOf(lifecycleActorOf(requireApiUser(request)));
  if (scope.kind === "none") return apiError(403, "forbidden", "Your role has no requests.");
  const status = new URL(request.url).searchParams.get("status");
  const query = requestListQuery.safeParse(status ? { status } : {});
  if (!query.success) return apiError(422, "validation_failed", "Unknown status.", fieldErrorsOf(query.error));
  const { items, total } = listRequests(scope, query.data);
  return apiJson({ items: items.map(requestJson), total });
}

/** POST /api/v1/requests: a school, nonprofit or employee asks for devices. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const actor = lifecycleActorOf(requireApiUser(request));
  const result = fileRequest(actor, await parseJsonBody(request, fileRequestInput));
  return result.ok ? apiJson(requestJson(result.value), 201) : apiRefusal(result);
}
