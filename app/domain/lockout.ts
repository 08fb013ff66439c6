// The sign-in lockout rule: ten failed sign-ins within 15 minutes lock further attempts for 15
// minutes. A throttle belongs to an address (strangers) or to one browser's device cookie (OWASP's
// "device cookies": a browser that signed in to the account before keeps its own count, so strangers
// who lock the address do not lock its owner out). Pure: the model stores the state, this module decides.

export const LOCKOUT_THRESHOLD = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_DURATION_MS = 15 * 60 * 1000;

export type ThrottleState = {
  /** Epoch-ms times of failed attempts inside the current window. */
  recentFailures: number[];
  lockedUntil: number | null;
};

export const emptyThrottle: ThrottleState = { recentFailures: [], lockedUntil: null };

/** The time the lock ends, when the account is locked at `now`; otherwise null. */
export function activeLockUntil(state: ThrottleState, now: number): number | null {
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The state after a failed attempt at `now`: the failure counts, and the tenth in the window locks. */
export function afterFailedAttempt(state: ThrottleState, now: number): ThrottleState {
  const recentFailures = [...state.recentFailures.filter((at) => now - at < FAILURE_WINDOW_MS), now];
  if (recentFailures.length >= LOCKOUT_THRESHOLD) {
    return { recentFailures: [], lockedUntil: now + LOCK_DURATION_MS };
  }
  return { recentFailures, lockedUntil: activeLockUntil(state, now) };
}

/** Whose count a sign-in attempt answers to: the address's (strangers) or the presenting browser's device cookie. */
export type ThrottleHolder = "address" | "device";

export type SignInGate = { kind: "open"; countsAgainst: ThrottleHolder } | { kind: "locked"; lockedUntil: number };

/**
 * Whether a sign-in attempt may go ahead, and whose count a failure goes to. `device` is the throttle of
 * a device cookie that checked out for this very address (null without one). Such a browser answers to
 * its own throttle only, whatever strangers did to the address; once its own throttle locks it is a
 * stranger again and the address's lock applies (so it gets no more guesses than any stranger).
 */
export function signInGate(throttles: { address: ThrottleState; device: ThrottleState | null }, now: number): SignInGate {
  if (throttles.device !== null && activeLockUntil(throttles.device, now) === null) return { kind: "open", countsAgainst: "device" };
  const lockedUntil = activeLockUntil(throttles.address, now);
  return lockedUntil === null ? { kind: "open", countsAgainst: "address" } : { kind: "locked", lockedUntil };
}

/** Minutes left of a lock, rounded up, for the message shown to the person. */
export function minutesUntilUnlock(lockedUntil: number, now: number): number {
  return Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
}
