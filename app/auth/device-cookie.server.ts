// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a successful
// sign-in the browser gets a signed cookie for that account, so that it keeps signing in while strangers
// have locked the address (app/domain/lockout.ts decides, app/models/sign-in.server.ts counts).
//
// One cookie per account: its name carries a hash of the normalized address (a browser may hold several
// accounts' cookies side by side, and signing in to one does not replace another's). Its value is the
// address and a random nonce, signed with HMAC-SHA256 under the cookie secret (app/http/cookie-secret.server.ts);
// the nonce keys the cookie's own throttle. A cookie whose signature, name or address does not check out
// gives no privilege at all.
import { createHmac, timingSafeEqual } from "node:crypto";
import { normalizeEmail } from "~/domain/accounts";
import { cookieSecrets } from "~/http/cookie-secret.server";
import { randomSecret, sha256Hex } from "./crypto.server";
import { isHttps } from "./session.server";

const cookiePrefix = "circuit_device_";
const maxAgeSeconds = 365 * 24 * 60 * 60;

/** A device cookie that checked out for one address: the nonce that keys its throttle. */
export type TrustedDevice = { email: string; nonce: string };

/** The cookie's name for an address: a short hash of it, so the name says nothing readable. */
export function deviceCookieName(email: string): string {
  return `${cookiePrefix}${sha256Hex(`device-cookie:${normalizeEmail(email)}`).slice(0, 24)}`;
}

function signature(name: string, payload: string, secret: string): Buffer {
  // The name is signed too: a valid value copied under another account's name does not check out.
  return createHmac("sha256", secret).update(`${name}=${payload}`, "utf8").digest();
}

function encodePayload(device: TrustedDevice): string {
  return Buffer.from(JSON.stringify({ email: device.email, nonce: device.nonce }), "utf8").toString("base64url");
}

function decodePayload(payload: string): TrustedDevice | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || !("email" in parsed) || !("nonce" in parsed)) return null;
  const { email, nonce } = parsed;
  return typeof email === "string" && typeof nonce === "string" && nonce.length > 0 ? { email, nonce } : null;
}

/** The signed cookie value for a device: payload and signature, both base64url. */
export function signDeviceCookieValue(device: TrustedDevice, secrets: string[] = cookieSecrets()): string {
  const name = deviceCookieName(device.email);
  const payload = encodePayload({ email: normalizeEmail(device.email), nonce: device.nonce });
  return `${payload}.${signature(name, payload, secrets[0]!).toString("base64url")}`;
}

/** The device a cookie value stands for, when it is signed by one of our secrets for this address; otherwise null. */
export function verifyDeviceCookieValue(emailInput: string, value: string, secrets: string[] = cookieSecrets()): TrustedDevice | null {
  const email = normalizeEmail(emailInput);
  const [payload, signed, ...rest] = value.split(".");
  if (!payload || !signed || rest.length > 0) return null;
  // Compared as text: base64url has spare bits, so decoding first would accept other spellings of a signature.
  const presented = Buffer.from(signed, "utf8");
  const name = deviceCookieName(email);
  const genuine = secrets.some((secret) => {
    const expected = Buffer.from(signature(name, payload, secret).toString("base64url"), "utf8");
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  });
  if (!genuine) return null;
  const device = decodePayload(payload);
  return device !== null && device.email === email ? device : null;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}

/** The device cookie the request presents for this address, if it checks out. */
export function trustedDeviceFor(request: Request, email: string): TrustedDevice | null {
  const value = cookieValue(request.headers.get("Cookie"), deviceCookieName(email));
  return value === null ? null : verifyDeviceCookieValue(email, value);
}

/** A Set-Cookie header value with a fresh device cookie for this address (after it signed in successfully). */
export function issueDeviceCookie(request: Request, email: string): string {
  const name = deviceCookieName(email);
  const value = signDeviceCookieValue({ email, nonce: randomSecret() });
  const attributes = [`Path=/`, `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax", ...(isHttps(request) ? ["Secure"] : [])];
  return [`${name}=${value}`, ...attributes].join("; ");
}
