import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  afterWrongPickupCode,
  defaultPickupLocation,
  defaultPickupWindow,
  MAX_WRONG_PICKUP_CODES,
  newPickupCode,
  PICKUP_CODE_ALPHABET,
  PICKUP_CODE_LENGTH,
  pickupCodeMatches,
  pickupWindowProblem,
} from "./pickup";

describe("pickup codes", () => {
  test("six characters from an alphabet without look-alikes", () => {
    expect(PICKUP_CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B6GQDUV]/);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: PICKUP_CODE_LENGTH, maxLength: PICKUP_CODE_LENGTH }), (draws) => {
        let next = 0;
        const code = newPickupCode((size) => draws[next++]! % size);
        expect(code).toHaveLength(PICKUP_CODE_LENGTH);
        expect([...code].every((character) => PICKUP_CODE_ALPHABET.includes(character))).toBe(true);
      }),
    );
  });

  test("a code matches as typed in lower case, with spaces or a dash; any other difference does not", () => {
    expect(pickupCodeMatches("K7XM3P", "k7x-m3p ")).toBe(true);
    expect(pickupCodeMatches("K7XM3P", "K7XM3")).toBe(false);
    expect(pickupCodeMatches("K7XM3P", "K7XM3PA")).toBe(false);
    expect(pickupCodeMatches("K7XM3P", "K7XM3R")).toBe(false);
    expect(pickupCodeMatches("K7XM3P", "")).toBe(false);
  });

  test(`the ${MAX_WRONG_PICKUP_CODES}th wrong code replaces the code`, () => {
    expect(afterWrongPickupCode(0)).toEqual({ kind: "counted", wrong: 1, left: MAX_WRONG_PICKUP_CODES - 1 });
    expect(afterWrongPickupCode(MAX_WRONG_PICKUP_CODES - 2)).toEqual({ kind: "counted", wrong: MAX_WRONG_PICKUP_CODES - 1, left: 1 });
    expect(afterWrongPickupCode(MAX_WRONG_PICKUP_CODES - 1)).toEqual({ kind: "code-replaced" });
  });
});

describe("the pickup window and place", () => {
  const now = Date.UTC(2026, 11, 2, 9, 7);
  test("ends after it starts and not in the past", () => {
    expect(pickupWindowProblem({ from: now, until: now + 1 }, now)).toBeNull();
    expect(pickupWindowProblem({ from: now, until: now }, now)).toEqual({ field: "pickupUntil", message: "errors.pickupUntilBeforeFrom" });
    expect(pickupWindowProblem({ from: now - 20, until: now - 10 }, now)).toEqual({ field: "pickupUntil", message: "errors.pickupUntilPast" });
  });

  test("by default from the next quarter hour for a week, at the IT service's address and hours", () => {
    const window = defaultPickupWindow(now);
    expect(window.from).toBe(Date.UTC(2026, 11, 2, 9, 15));
    expect(window.until - window.from).toBe(7 * 24 * 60 * 60 * 1000);
    expect(defaultPickupLocation({ name: "ICT-dienst", address: "Stadhuisplein 1", openingHours: "ma–vr 9–12" })).toBe(
      "ICT-dienst\nStadhuisplein 1\nma–vr 9–12",
    );
    expect(defaultPickupLocation({ name: "ICT-dienst", address: " ", openingHours: "ma–vr 9–12" })).toBeNull();
  });
});
