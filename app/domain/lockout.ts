// The sign-in lockout rule: ten failed sign-ins for one account within 15 minutes lock further
// attempts for 15 minutes. Pure: the model stores the state, this module decides.

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

/** Minutes left of a lock, rounded up, for the message shown to the person. */
export function minutesUntilUnlock(lockedUntil: number, now: number): number {
  return Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
}
