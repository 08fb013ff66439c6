// Checking a password against the lockout rule (app/domain/lockout.ts), with the lockout state
// stored in the database so that a lock survives a restart. Used by /login and POST /api/v1/tokens.
import { eq } from "drizzle-orm";
import { signInThrottles } from "~db/schema";
import { db } from "~/db.server";
import { normalizeEmail } from "~/domain/accounts";
import { activeLockUntil, afterFailedAttempt, emptyThrottle, type ThrottleState } from "~/domain/lockout";
import { verifyAgainstDecoy, verifyPassword } from "~/auth/password.server";
import { findCredentialsByEmail } from "./user.server";

export type SignInOutcome = { kind: "signed-in"; userId: string } | { kind: "invalid" } | { kind: "locked"; lockedUntil: number };

function readThrottle(email: string): ThrottleState {
  const row = db.select().from(signInThrottles).where(eq(signInThrottles.email, email)).get();
  if (!row) return emptyThrottle;
  const parsed: unknown = JSON.parse(row.recentFailures);
  const recentFailures = Array.isArray(parsed) ? parsed.filter((at): at is number => typeof at === "number") : [];
  return { recentFailures, lockedUntil: row.lockedUntil?.getTime() ?? null };
}

function writeThrottle(email: string, state: ThrottleState): void {
  const values = {
    recentFailures: JSON.stringify(state.recentFailures),
    lockedUntil: state.lockedUntil === null ? null : new Date(state.lockedUntil),
  };
  db.insert(signInThrottles)
    .values({ email, ...values })
    .onConflictDoUpdate({ target: signInThrottles.email, set: values })
    .run();
}

export async function attemptSignIn(emailInput: string, password: string, now: number = Date.now()): Promise<SignInOutcome> {
  const email = normalizeEmail(emailInput);
  const throttle = readThrottle(email);
  const lockedUntil = activeLockUntil(throttle, now);
  if (lockedUntil !== null) return { kind: "locked", lockedUntil };
  // Count the attempt as failed before the slow hash, with no await between reading and writing:
  // otherwise many parallel guesses would all pass the lock check before any failure was stored.
  writeThrottle(email, afterFailedAttempt(throttle, now));

  const credentials = findCredentialsByEmail(email);
  const passwordMatches = credentials ? await verifyPassword(credentials.passwordHash, password) : await verifyAgainstDecoy(password);

  if (credentials && passwordMatches) {
    db.delete(signInThrottles).where(eq(signInThrottles.email, email)).run();
    return { kind: "signed-in", userId: credentials.id };
  }
  return { kind: "invalid" };
}
