// A one-time message after a redirect ("Organization approved"), as a translation key in a
// short-lived cookie that the next page reads and clears.
import { createCookie, redirect } from "@remix-run/node";

const flashCookie = createCookie("circuit_flash", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 });

export type FlashMessage = { key: string; values?: Record<string, string> };

export async function redirectWithFlash(to: string, message: FlashMessage, headers: HeadersInit = {}) {
  const responseHeaders = new Headers(headers);
  responseHeaders.append("Set-Cookie", await flashCookie.serialize(message));
  return redirect(to, { headers: responseHeaders });
}

function isFlashMessage(value: unknown): value is FlashMessage {
  if (typeof value !== "object" || value === null || !("key" in value)) return false;
  return typeof value.key === "string" && value.key.startsWith("flash.");
}

/** The waiting message, if any, and the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: FlashMessage | null; clearHeader: string | null }> {
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (value === null || value === undefined) return { flash: null, clearHeader: null };
  return { flash: isFlashMessage(value) ? value : null, clearHeader: await flashCookie.serialize("", { maxAge: 0 }) };
}
