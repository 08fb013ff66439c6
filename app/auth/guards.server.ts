// Who is asking, and may they? Every loader and action starts here; the answer comes from the
// permission table in app/domain/permissions.ts.
import { data, redirect } from "@remix-run/node";
import type { UserActor } from "~/domain/lifecycle";
import { can, type Actor, type PermissionAction } from "~/domain/permissions";
import { getSessionUser, type SessionUser } from "~/models/user.server";
import { sessionUserId } from "./session.server";

export function actorOf(user: SessionUser): Actor {
  return { role: user.role, organizationStatus: user.organization.status };
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const userId = await sessionUserId(request);
  return userId ? getSessionUser(userId) : null;
}

/** Where to come back to after signing in: only paths on this site. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  // Browsers drop tabs and newlines and read backslashes as slashes: "/\t/evil.example" would leave.
  if (leavesTheSite(target)) return fallback;
  const origin = "http://circuit.invalid";
  let resolved: URL;
  try {
    resolved = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  // Dot segments collapse while resolving ("/.//evil" → "//evil"), and a Location of "//evil" is another site;
  // check what the resolved path says, and what it says once percent-decoded, for the same reasons.
  const decoded = fullyDecoded(resolved.pathname);
  if (decoded === null || resolved.pathname.startsWith("//") || leavesTheSite(decoded)) return fallback;
  const decodedResolved = new URL(decoded, origin);
  if (decoded.startsWith("//") || decodedResolved.origin !== origin || decodedResolved.pathname.startsWith("//")) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}

function leavesTheSite(path: string): boolean {
  return [...path].some((character) => character < " " || character === "\u007f" || character === "\\");
}

/** The path with percent-escapes undone until nothing changes; null when it does not decode (or keeps decoding). */
function fullyDecoded(path: string): string | null {
  let current = path;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

export async function requirePermission(request: Request, action: PermissionAction): Promise<SessionUser> {
  const user = await requireUser(request);
  const actor = actorOf(user);
  if (!can(actor, action)) {
    // A member of an organization not yet approved is told that, not that their role lacks access.
    const awaitingApproval = actor.organizationStatus === "pending" && can({ ...actor, organizationStatus: "approved" }, action);
    throw data({ reason: awaitingApproval ? "awaiting-approval" : "forbidden" }, { status: 403 });
  }
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getOptionalUser(request)) throw redirect("/");
}

/** The user as the lifecycle module sees them. */
export function lifecycleActorOf(user: SessionUser): UserActor {
  return { kind: "user", userId: user.id, role: user.role, organizationId: user.organization.id, organizationStatus: user.organization.status };
}
