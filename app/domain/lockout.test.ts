import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { activeLockUntil, afterFailedAttempt, emptyThrottle, FAILURE_WINDOW_MS, LOCK_DURATION_MS, minutesUntilUnlock, type ThrottleState } from "./lockout";

const minute = 60_000;
const start = Date.UTC(2026, 10, 30, 9, 0, 0);

function failAt(times: number[], state: ThrottleState = emptyThrottle): ThrottleState {
  return times.reduce((current, at) => afterFailedAttempt(current, at), state);
}

describe("sign-in lockout", () => {
  test("nine failures do not lock", () => {
    const state = failAt(Array.from({ length: 9 }, (_, i) => start + i * minute));
    expect(activeLockUntil(state, start + 9 * minute)).toBeNull();
  });

  test("the tenth failure within 15 minutes locks for 15 minutes", () => {
    const tenth = start + 9 * minute;
    const state = failAt(Array.from({ length: 10 }, (_, i) => start + i * minute));
    expect(activeLockUntil(state, tenth)).toBe(tenth + LOCK_DURATION_MS);
    expect(activeLockUntil(state, tenth + LOCK_DURATION_MS - 1)).toBe(tenth + LOCK_DURATION_MS);
    expect(activeLockUntil(state, tenth + LOCK_DURATION_MS)).toBeNull();
  });

  test("failures spread over more than 15 minutes do not lock", () => {
    const state = failAt(Array.from({ length: 10 }, (_, i) => start + i * 2 * minute));
    expect(activeLockUntil(state, start + 18 * minute)).toBeNull();
    expect(state.recentFailures.every((at) => start + 18 * minute - at < FAILURE_WINDOW_MS)).toBe(true);
  });

  test("after the lock ends, the count starts again", () => {
    const locked = failAt(Array.from({ length: 10 }, (_, i) => start + i * 1000));
    const afterLock = start + 9000 + LOCK_DURATION_MS;
    const oneMore = afterFailedAttempt(locked, afterLock);
    expect(activeLockUntil(oneMore, afterLock)).toBeNull();
    expect(oneMore.recentFailures).toEqual([afterLock]);
  });

  test("the minutes left are rounded up and at least one", () => {
    expect(minutesUntilUnlock(start + 14 * minute + 1, start)).toBe(15);
    expect(minutesUntilUnlock(start + 10, start)).toBe(1);
  });

  test("any ten failures inside one 15-minute window lock, whatever came before", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * 60 * minute }), { maxLength: 30 }),
        fc.integer({ min: 0, max: FAILURE_WINDOW_MS / 10 - 1 }),
        (before, gap) => {
          const earlier = [...before].sort((a, b) => a - b);
          const burstStart = (earlier.at(-1) ?? 0) + 2 * LOCK_DURATION_MS;
          const burst = Array.from({ length: 10 }, (_, i) => burstStart + i * gap);
          const state = failAt([...earlier, ...burst].map((at) => start + at));
          expect(activeLockUntil(state, start + burst.at(-1)!)).not.toBeNull();
        },
      ),
    );
  });
});
