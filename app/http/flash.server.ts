// A one-time message after a redirect ("Organization approved"), as a translation key in a
// short-lived signed cookie that the next page reads and clears.
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import { cookieSecrets } from "./cookie-secret.server";

const cookieName = "circuit_flash";

let flashCookie: Cookie | undefined;

/** Created on first use: the secret may come from the database, which is migrated at start. */
function theFlashCookie(): Cookie {
  flashCookie ??= createCookie(cookieName, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60, secrets: cookieSecrets() });
  return flashCookie;
}

export type FlashMessage = { key: string; values?: Record<string, string> };

export async function redirectWithFlash(to: string, message: FlashMessage, headers: HeadersInit = {}) {
  const responseHeaders = new Headers(headers);
  responseHeaders.append("Set-Cookie", await theFlashCookie().serialize(message));
  return redirect(to, { headers: responseHeaders });
}

function isFlashMessage(value: unknown): value is FlashMessage {
  if (typeof value !== "object" || value === null || !("key" in value)) return false;
  if ("values" in value && value.values !== undefined) {
    if (typeof value.values !== "object" || value.values === null) return false;
    if (!Object.values(value.values).every((entry) => typeof entry === "string")) return false;
  }
  return typeof value.key === "string" && value.key.startsWith("flash.");
}

function hasFlashCookie(cookieHeader: string | null): boolean {
  return cookieHeader !== null && cookieHeader.split(";").some((pair) => pair.trim().startsWith(`${cookieName}=`));
}

/**
 * The waiting message, if any, and the header that clears it. A cookie whose signature does not
 * check out (tampered, or signed with another secret) is ignored and cleared.
 */
export async function readFlash(request: Request): Promise<{ flash: FlashMessage | null; clearHeader: string | null }> {
  const cookieHeader = request.headers.get("Cookie");
  if (!hasFlashCookie(cookieHeader)) return { flash: null, clearHeader: null };
  const cookie = theFlashCookie();
  const value: unknown = await cookie.parse(cookieHeader);
  return { flash: isFlashMessage(value) ? value : null, clearHeader: await cookie.serialize("", { maxAge: 0 }) };
}
