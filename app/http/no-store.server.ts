// Pages for a signed-in person hold their data: no cache (the browser's back/forward one included, or a
// shared proxy's) may keep them for the next person at that computer. Static files are served before this.
import type { RequestHandler } from "express";

/** Whether the Cookie header carries a non-empty cookie of this name. */
export function hasCookie(header: string | undefined, name: string): boolean {
  return (header ?? "").split(";").some((pair) => {
    const [key, ...value] = pair.split("=");
    return key?.trim() === name && value.join("=").trim() !== "";
  });
}

/** `Cache-Control: no-store` on every answer to a request that carries the session cookie. */
export function noStoreWhenSignedIn(sessionCookieName: string): RequestHandler {
  return (request, response, next) => {
    if (hasCookie(request.get("cookie"), sessionCookieName)) response.setHeader("Cache-Control", "no-store");
    next();
  };
}
