// Checking a password against the lockout rule (app/domain/lockout.ts), with the lockout state
// stored in the database so that a lock survives a restart. Used by /login and POST /api/v1/tokens.
// Two kinds of throttle: one per address (sign_in_throttles, for strangers) and one per device cookie
// (sign_in_device_throttles, keyed by the SHA-256 of the cookie's nonce; app/auth/device-cookie.server.ts).
import { eq } from "drizzle-orm";
import { signInDeviceThrottles, signInThrottles } from "~db/schema";
import { db } from "~/db.server";
import { normalizeEmail } from "~/domain/accounts";
import { afterFailedAttempt, emptyThrottle, signInGate, type ThrottleState } from "~/domain/lockout";
import { sha256Hex } from "~/auth/crypto.server";
import { verifyAgainstDecoy, verifyPassword } from "~/auth/password.server";
import { findCredentialsByEmail, recordSignIn } from "./user.server";

export type SignInOutcome =
  | { kind: "signed-in"; userId: string }
  | { kind: "invalid" }
  | { kind: "locked"; lockedUntil: number }
  /** The right password of an account a coordinator deactivated: only its owner learns that it is deactivated. */
  | { kind: "deactivated" };

/** A device cookie that checked out for the address being signed in to: its nonce keys its throttle. */
export type SignInDevice = { nonce: string };

function parseFailures(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((at): at is number => typeof at === "number") : [];
}

function throttleValues(state: ThrottleState) {
  return { recentFailures: JSON.stringify(state.recentFailures), lockedUntil: state.lockedUntil === null ? null : new Date(state.lockedUntil) };
}

function readAddressThrottle(email: string): ThrottleState {
  const row = db.select().from(signInThrottles).where(eq(signInThrottles.email, email)).get();
  return row ? { recentFailures: parseFailures(row.recentFailures), lockedUntil: row.lockedUntil?.getTime() ?? null } : emptyThrottle;
}

function writeAddressThrottle(email: string, state: ThrottleState): void {
  const values = throttleValues(state);
  db.insert(signInThrottles)
    .values({ email, ...values })
    .onConflictDoUpdate({ target: signInThrottles.email, set: values })
    .run();
}

/** A device's throttle; a row written for another address (it cannot be, the nonce is random) counts as none. */
function readDeviceThrottle(nonceHash: string, email: string): ThrottleState {
  const row = db.select().from(signInDeviceThrottles).where(eq(signInDeviceThrottles.nonceHash, nonceHash)).get();
  if (!row || row.email !== email) return emptyThrottle;
  return { recentFailures: parseFailures(row.recentFailures), lockedUntil: row.lockedUntil?.getTime() ?? null };
}

function writeDeviceThrottle(nonceHash: string, email: string, state: ThrottleState): void {
  const values = throttleValues(state);
  db.insert(signInDeviceThrottles)
    .values({ nonceHash, email, ...values })
    .onConflictDoUpdate({ target: signInDeviceThrottles.nonceHash, set: { email, ...values } })
    .run();
}

/**
 * Checks a password. With `device` (a device cookie that checked out for this address), the device's
 * own throttle applies instead of the address's, and its failures count against it; a locked device is
 * a stranger again. A right password of an account whose address is not confirmed yet gets the same
 * answer as a wrong one: the answer tells a stranger nothing about which addresses have accounts.
 */
export async function attemptSignIn(
  emailInput: string,
  password: string,
  now: number = Date.now(),
  device: SignInDevice | null = null,
): Promise<SignInOutcome> {
  const email = normalizeEmail(emailInput);
  const nonceHash = device ? sha256Hex(device.nonce) : null;
  const address = readAddressThrottle(email);
  const deviceThrottle = nonceHash === null ? null : readDeviceThrottle(nonceHash, email);
  const gate = signInGate({ address, device: deviceThrottle }, now);
  if (gate.kind === "locked") return { kind: "locked", lockedUntil: gate.lockedUntil };
  // Count the attempt as failed before the slow hash, with no await between reading and writing:
  // otherwise many parallel guesses would all pass the lock check before any failure was stored.
  if (gate.countsAgainst === "device" && nonceHash !== null && deviceThrottle !== null) {
    writeDeviceThrottle(nonceHash, email, afterFailedAttempt(deviceThrottle, now));
  } else {
    writeAddressThrottle(email, afterFailedAttempt(address, now));
  }

  const credentials = findCredentialsByEmail(email);
  const passwordMatches = credentials ? await verifyPassword(credentials.passwordHash, password) : await verifyAgainstDecoy(password);

  // Said only after the right password: a stranger still learns nothing about the address.
  if (credentials && passwordMatches && credentials.activatedAt !== null && credentials.deactivatedAt !== null) return { kind: "deactivated" };
  if (credentials && passwordMatches && credentials.activatedAt !== null) {
    // Only the count the attempt answered to starts again: the owner signing in from their own browser
    // does not lift a lock that strangers caused on the address.
    if (gate.countsAgainst === "device" && nonceHash !== null) db.delete(signInDeviceThrottles).where(eq(signInDeviceThrottles.nonceHash, nonceHash)).run();
    else db.delete(signInThrottles).where(eq(signInThrottles.email, email)).run();
    recordSignIn(credentials.id, new Date(now));
    return { kind: "signed-in", userId: credentials.id };
  }
  return { kind: "invalid" };
}
