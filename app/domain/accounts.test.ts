import { expect, test } from "vitest";
import { EMAIL_CONFIRMATION_VALIDITY_MS, emailConfirmationState, isCityEmail, normalizeEmail } from "./accounts";

test("e-mail addresses compare without case or surrounding spaces", () => {
  expect(normalizeEmail("  Jan.Peeters@Demo.City ")).toBe("jan.peeters@demo.city");
});

test("only the city's own domain counts as a city address", () => {
  expect(isCityEmail("an@demo.city", "demo.city")).toBe(true);
  expect(isCityEmail("an@DEMO.CITY", "demo.city")).toBe(true);
  expect(isCityEmail("an@gmail.com", "demo.city")).toBe(false);
  expect(isCityEmail("an@evil.demo.city", "demo.city")).toBe(false);
  expect(isCityEmail("an@demo.city.evil.com", "demo.city")).toBe(false);
});

test("an address confirmation link works for 24 hours and once", () => {
  const createdAt = Date.UTC(2026, 10, 30, 9, 0, 0);
  const expiresAt = createdAt + EMAIL_CONFIRMATION_VALIDITY_MS;
  expect(EMAIL_CONFIRMATION_VALIDITY_MS).toBe(24 * 60 * 60 * 1000);
  expect(emailConfirmationState({ expiresAt, usedAt: null }, expiresAt - 1)).toBe("usable");
  expect(emailConfirmationState({ expiresAt, usedAt: null }, expiresAt)).toBe("expired");
  expect(emailConfirmationState({ expiresAt, usedAt: createdAt + 1000 }, createdAt + 2000)).toBe("used");
});
