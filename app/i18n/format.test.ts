import { expect, test } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

const moment = Date.UTC(2026, 2, 5, 14, 30);

test("dates are written the Flemish way in Dutch and the British way in English", () => {
  expect(formatDate(moment, "nl")).toBe("5 maart 2026");
  expect(formatDate(moment, "en")).toBe("5 March 2026");
});

test("date and time use Brussels time", () => {
  expect(formatDateTime(moment, "nl")).toContain("15:30");
  expect(formatDateTime(moment, "en")).toContain("15:30");
});

test("numbers use a decimal comma in Dutch and a decimal point in English", () => {
  expect(formatNumber(1234.5, "nl")).toBe("1.234,5");
  expect(formatNumber(1234.5, "en")).toBe("1,234.5");
});

test("typed date-times without a zone are Brussels time; with a zone they are taken as given", async () => {
  const { parseMoment, toDateTimeLocal } = await import("./format");
  expect(parseMoment("2026-01-15T10:00")).toBe(Date.UTC(2026, 0, 15, 9, 0));
  expect(parseMoment("2026-07-15T10:00")).toBe(Date.UTC(2026, 6, 15, 8, 0));
  expect(parseMoment("2026-07-15T10:00:00Z")).toBe(Date.UTC(2026, 6, 15, 10, 0));
  expect(parseMoment("2026-07-15T10:00:00+02:00")).toBe(Date.UTC(2026, 6, 15, 8, 0));
  expect(parseMoment("yesterday")).toBeNull();
  expect(toDateTimeLocal(Date.UTC(2026, 6, 15, 8, 0))).toBe("2026-07-15T10:00");
});
