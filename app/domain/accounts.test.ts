import { expect, test } from "vitest";
import { isCityEmail, normalizeEmail } from "./accounts";

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
