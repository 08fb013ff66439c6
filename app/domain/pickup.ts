// Pickup of reserved devices: the code a technician gives the recipient at the counter, how typed codes
// are compared, how many wrong codes a request may get, and the time window's rules. Pure: the caller
// passes the randomness and the clock.

/** Letters and digits no one reads as another: no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V. */
export const PICKUP_CODE_ALPHABET = "ACEFHJKMNPRTWXY3479";
export const PICKUP_CODE_LENGTH = 6;

/** After this many wrong codes for one request, its code is replaced: the technician gives the new one at the counter. */
export const MAX_WRONG_PICKUP_CODES = 5;

/** The window a technician is offered: from now for a week. */
export const DEFAULT_PICKUP_DAYS = 7;

/** A new code; `randomIndex(n)` must return a uniformly random integer in [0, n) from a cryptographic source. */
export function newPickupCode(randomIndex: (size: number) => number): string {
  let code = "";
  for (let position = 0; position < PICKUP_CODE_LENGTH; position += 1) code += PICKUP_CODE_ALPHABET[randomIndex(PICKUP_CODE_ALPHABET.length)];
  return code;
}

/** A code as typed ("k7q-x2m ", lower case, with spaces or dashes) in the form it is stored in. */
export function normalizePickupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-.]/g, "");
}

/** Whether the typed code is the stored one, comparing every character whatever the first difference (no timing hint). */
export function pickupCodeMatches(stored: string, typed: string): boolean {
  const candidate = normalizePickupCode(typed);
  let difference = stored.length === candidate.length ? 0 : 1;
  for (let index = 0; index < stored.length; index += 1) difference |= stored.charCodeAt(index) ^ (candidate.charCodeAt(index) || 0);
  return difference === 0;
}

/** What a wrong code does: count it, or (the last one allowed) replace the code. */
export function afterWrongPickupCode(wrongSoFar: number): { kind: "counted"; wrong: number; left: number } | { kind: "code-replaced" } {
  const wrong = wrongSoFar + 1;
  if (wrong >= MAX_WRONG_PICKUP_CODES) return { kind: "code-replaced" };
  return { kind: "counted", wrong, left: MAX_WRONG_PICKUP_CODES - wrong };
}

export type PickupWindowProblem = { field: "pickupUntil"; message: "errors.pickupUntilBeforeFrom" | "errors.pickupUntilPast" };

/** Why a window cannot be offered: it must end after it starts, and not lie in the past. */
export function pickupWindowProblem(window: { from: number; until: number }, now: number): PickupWindowProblem | null {
  if (window.until <= window.from) return { field: "pickupUntil", message: "errors.pickupUntilBeforeFrom" };
  if (window.until <= now) return { field: "pickupUntil", message: "errors.pickupUntilPast" };
  return null;
}

/** The window offered by default: from the next quarter hour, for DEFAULT_PICKUP_DAYS days. */
export function defaultPickupWindow(now: number): { from: number; until: number } {
  const quarter = 15 * 60 * 1000;
  const from = Math.ceil(now / quarter) * quarter;
  return { from, until: from + DEFAULT_PICKUP_DAYS * 24 * 60 * 60 * 1000 };
}

/** The place offered by default: the IT service's address and its counter hours, as it wrote them. */
export function defaultPickupLocation(itService: { name: string; address: string | null; openingHours: string | null }): string | null {
  if (!itService.address?.trim()) return null;
  return [itService.name, itService.address.trim(), itService.openingHours?.trim()].filter(Boolean).join("\n");
}
