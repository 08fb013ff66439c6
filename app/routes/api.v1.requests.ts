import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requestJson } from "~/api/request-json";
import { apiError, apiJson, fieldErrorsOf, methodNotAllowed, parseJsonBody } from "~/api/responses.server";
import { requireApiPermission, requireApiUser } from "~/auth/api-auth.server";
import { actorOf } from "~/auth/guards.server";
import { can } from "~/domain/permissions";
import { requestStatuses } from "~/domain/requests";
import { requestSchemaFor } from "~/forms/request";
import { fileRequest, listRequests } from "~/models/request.server";

const listQuery = z.object({ status: z.enum(requestStatuses).optional() });

/** GET /api/v1/requests?status=: a coordinator sees all requests, a requester their own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireApiUser(request);
  const actor = actorOf(user);
  if (!can(actor, "request.review") && !can(actor, "request.create")) return apiError(403, "forbidden", "Your role has no requests.");
  const status = new URL(request.url).searchParams.get("status");
  const query = listQuery.safeParse(status ? { status } : {});
  if (!query.success) return apiError(422, "validation_failed", "Unknown status.", fieldErrorsOf(query.error));
  const { items, total } = listRequests(user, query.data);
  return apiJson({ items: items.map(requestJson), total });
}

/** POST /api/v1/requests: a school, nonprofit or employee asks for devices. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
  const user = requireApiPermission(request, "request.create");
  const body = await parseJsonBody(request, requestSchemaFor(user.role));
  return apiJson(requestJson(fileRequest(user, body)), 201);
}
