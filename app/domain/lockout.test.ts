import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  activeLockUntil,
  afterFailedAttempt,
  emptyThrottle,
  FAILURE_WINDOW_MS,
  LOCK_DURATION_MS,
  LOCKOUT_THRESHOLD,
  minutesUntilUnlock,
  signInGate,
  type ThrottleState,
} from "./lockout";

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

describe("the sign-in gate with device cookies", () => {
  const tenFailures = (from: number) => failAt(Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) => from + i * 1000));
  const lockedAddress = tenFailures(start);
  const afterLocking = start + LOCKOUT_THRESHOLD * 1000;

  test("without a device cookie, the address's throttle decides and counts", () => {
    expect(signInGate({ address: emptyThrottle, device: null }, start)).toEqual({ kind: "open", countsAgainst: "address" });
    expect(signInGate({ address: lockedAddress, device: null }, afterLocking)).toEqual({
      kind: "locked",
      lockedUntil: activeLockUntil(lockedAddress, afterLocking),
    });
  });

  test("a browser with the account's device cookie signs in while strangers have locked the address, and its failures count against the cookie", () => {
    expect(signInGate({ address: lockedAddress, device: emptyThrottle }, afterLocking)).toEqual({ kind: "open", countsAgainst: "device" });
    const nineOwnFailures = failAt(Array.from({ length: LOCKOUT_THRESHOLD - 1 }, (_, i) => afterLocking + i * 1000));
    expect(signInGate({ address: lockedAddress, device: nineOwnFailures }, afterLocking + minute)).toEqual({ kind: "open", countsAgainst: "device" });
  });

  test("a device cookie locked by its own failures is a stranger again: the address's lock applies, else failures count against the address", () => {
    const lockedDevice = tenFailures(afterLocking);
    const later = afterLocking + minute;
    expect(signInGate({ address: lockedAddress, device: lockedDevice }, later)).toEqual({ kind: "locked", lockedUntil: activeLockUntil(lockedAddress, later) });
    expect(signInGate({ address: emptyThrottle, device: lockedDevice }, later)).toEqual({ kind: "open", countsAgainst: "address" });
  });

  test("whatever the address's throttle holds, an unlocked device cookie opens and a missing one never does better than the address", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * minute }), { maxLength: 25 }), fc.integer({ min: 0, max: 60 * minute }), (failures, offset) => {
        const address = failAt([...failures].sort((a, b) => a - b).map((at) => start + at));
        const now = start + offset + 60 * minute;
        expect(signInGate({ address, device: emptyThrottle }, now)).toEqual({ kind: "open", countsAgainst: "device" });
        const stranger = signInGate({ address, device: null }, now);
        expect(stranger.kind === "locked").toBe(activeLockUntil(address, now) !== null);
      }),
    );
  });
});
