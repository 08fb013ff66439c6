// Bearer-token authentication for /api/v1: the same users, roles and permission table as the pages.
import { apiError } from "~/api/responses.server";
import { can, type PermissionAction } from "~/domain/permissions";
import { userIdForApiToken } from "~/models/api-token.server";
import { getSessionUser, type SessionUser } from "~/models/user.server";
import { actorOf } from "./guards.server";

export function requireApiUser(request: Request): SessionUser {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const userId = match?.[1] ? userIdForApiToken(match[1]) : null;
  const user = userId ? getSessionUser(userId) : null;
  if (!user) throw apiError(401, "unauthorized", "Send a valid API token as 'Authorization: Bearer <token>'.");
  return user;
}

export function requireApiPermission(request: Request, action: PermissionAction): SessionUser {
  const user = requireApiUser(request);
  if (!can(actorOf(user), action)) throw apiError(403, "forbidden", "Your role may not do this.");
  return user;
}
