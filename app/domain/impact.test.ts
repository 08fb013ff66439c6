import { describe, expect, test } from "vitest";
import {
  cityDay,
  cityMidnight,
  deviceFigures,
  ewasteKg,
  firstLifeYears,
  monthsOf,
  periodFromQuery,
  periodOf,
  replacementPrices,
  secondLifeYears,
  defaultReplacementPricesEur,
  type Handover,
} from "./impact";

const prices = defaultReplacementPricesEur;
const laptop = { type: "laptop" as const, carbonKgCo2e: 206.8, weightKg: 1.6, referenceWeightKg: 1.5 };
const school = JSON.stringify({ kind: "organization", organizationId: 7 });
const nonprofit = JSON.stringify({ kind: "organization", organizationId: 8 });
const at = (iso: string) => Date.parse(iso);
const all = { start: 0, end: Number.MAX_SAFE_INTEGER };

describe("each figure's rule", () => {
  test("e-waste: the device's weight, else its reference product's, else the type's default", () => {
    expect(ewasteKg({ type: "laptop", weightKg: 1.6, referenceWeightKg: 1.5 })).toBe(1.6);
    expect(ewasteKg({ type: "laptop", weightKg: null, referenceWeightKg: 1.5 })).toBe(1.5);
    expect(ewasteKg({ type: "monitor", weightKg: null, referenceWeightKg: null })).toBe(5);
  });

  test("replacement prices: documented defaults, a city's setting over them", () => {
    expect(replacementPrices(undefined).laptop).toBe(900);
    expect(replacementPrices("laptop=950, monitor=180,phone=abc,toaster=3")).toMatchObject({ laptop: 950, monitor: 180, phone: 350 });
  });

  test("one handover: the device's carbon, weight and a new one's price", () => {
    const handovers: Handover[] = [{ seq: 10, at: at("2025-03-01T10:00:00Z"), toHolder: school }];
    expect(deviceFigures(laptop, handovers, all.start, all.end, prices)).toEqual({
      devicesRedeployed: 1,
      kgCo2eAvoided: 206.8,
      kgEwasteDiverted: 1.6,
      eurReplacementAvoided: 900,
    });
  });

  test("a device without a carbon figure counts its e-waste and price, zero carbon", () => {
    const handovers: Handover[] = [{ seq: 1, at: 5, toHolder: school }];
    expect(deviceFigures({ ...laptop, carbonKgCo2e: null }, handovers, all.start, all.end, prices).kgCo2eAvoided).toBe(0);
  });

  test("life before Circuit and second life", () => {
    expect(firstLifeYears("2019-03-14", at("2024-03-14T12:00:00Z"))).toBeCloseTo(5, 2);
    expect(firstLifeYears(null, 0)).toBeNull();
    expect(secondLifeYears(at("2024-01-01T00:00:00Z"), at("2025-01-01T06:00:00Z"), 0)).toBeCloseTo(1, 2);
    expect(secondLifeYears(at("2024-01-01T00:00:00Z"), null, at("2026-01-01T12:00:00Z"))).toBeCloseTo(2, 2);
  });
});

describe("the counting rule for returns", () => {
  const handovers: Handover[] = [
    { seq: 10, at: at("2024-02-01T10:00:00Z"), toHolder: school },
    // returned in between; a new holder
    { seq: 20, at: at("2025-02-01T10:00:00Z"), toHolder: nonprofit },
    // returned again; back to the same holder: not a new redeployment
    { seq: 30, at: at("2025-06-01T10:00:00Z"), toHolder: nonprofit },
  ];

  test("a return and a handover to a new holder count again as a redeployment, never twice for carbon", () => {
    expect(deviceFigures(laptop, handovers, all.start, all.end, prices)).toEqual({
      devicesRedeployed: 2,
      kgCo2eAvoided: 206.8,
      kgEwasteDiverted: 1.6,
      eurReplacementAvoided: 900,
    });
  });

  test("in a period holding only the second handover, the redeployment counts but the carbon stays with the first", () => {
    expect(deviceFigures(laptop, handovers, at("2025-01-01T00:00:00Z"), at("2025-03-01T00:00:00Z"), prices)).toEqual({
      devicesRedeployed: 1,
      kgCo2eAvoided: 0,
      kgEwasteDiverted: 0,
      eurReplacementAvoided: 0,
    });
  });

  test("handovers given in any order are counted in ledger order", () => {
    expect(deviceFigures(laptop, [...handovers].reverse(), all.start, all.end, prices).devicesRedeployed).toBe(2);
  });
});

describe("periods in the city's time", () => {
  test("a quarter runs from its first day 00:00 to the next quarter's, Brussels time", () => {
    const q1 = periodOf({ kind: "quarter", year: 2025, quarter: 1 });
    expect(q1).toMatchObject({ from: "2025-01-01", to: "2025-03-31" });
    expect(q1.startMs).toBe(at("2024-12-31T23:00:00Z")); // CET
    expect(q1.endMs).toBe(at("2025-03-31T22:00:00Z")); // CEST from 30 March
  });

  test("a handover on the last day of a quarter, late in the evening, is in that quarter; one minute after midnight is in the next", () => {
    const lastEvening: Handover[] = [{ seq: 1, at: at("2025-03-31T21:59:00Z"), toHolder: school }]; // 23:59 in Brussels
    const nextMorning: Handover[] = [{ seq: 1, at: at("2025-03-31T22:01:00Z"), toHolder: school }]; // 00:01 on 1 April
    const q1 = periodOf({ kind: "quarter", year: 2025, quarter: 1 });
    const q2 = periodOf({ kind: "quarter", year: 2025, quarter: 2 });
    expect(deviceFigures(laptop, lastEvening, q1.startMs, q1.endMs, prices).devicesRedeployed).toBe(1);
    expect(deviceFigures(laptop, lastEvening, q2.startMs, q2.endMs, prices).devicesRedeployed).toBe(0);
    expect(deviceFigures(laptop, nextMorning, q1.startMs, q1.endMs, prices).devicesRedeployed).toBe(0);
    expect(deviceFigures(laptop, nextMorning, q2.startMs, q2.endMs, prices).devicesRedeployed).toBe(1);
    expect(cityDay(at("2025-03-31T21:59:00Z"))).toBe("2025-03-31");
    expect(cityDay(at("2025-03-31T22:01:00Z"))).toBe("2025-04-01");
  });

  test("Q4 ends on 31 December; a year is its four quarters", () => {
    expect(periodOf({ kind: "quarter", year: 2024, quarter: 4 })).toMatchObject({ from: "2024-10-01", to: "2024-12-31", endMs: cityMidnight("2025-01-01") });
    const year = periodOf({ kind: "year", year: 2024 });
    expect(year.startMs).toBe(periodOf({ kind: "quarter", year: 2024, quarter: 1 }).startMs);
    expect(year.endMs).toBe(periodOf({ kind: "quarter", year: 2024, quarter: 4 }).endMs);
  });

  test("months of a period, clipped to it", () => {
    const months = monthsOf(periodFromQuery({ from: "2024-11-15", to: "2025-02-10" }, 0)!);
    expect(months.map((month) => month.month)).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(months[0]!.startMs).toBe(cityMidnight("2024-11-15"));
    expect(months[3]!.endMs).toBe(cityMidnight("2025-02-11"));
    expect(months[1]!.endMs).toBe(months[2]!.startMs);
  });

  test("the query's period: days, a year, a quarter, the current year; nonsense is null", () => {
    expect(periodFromQuery({ from: "2025-01-01", to: "2025-01-31" }, 0)).toMatchObject({ from: "2025-01-01", to: "2025-01-31" });
    expect(periodFromQuery({ year: "2024", quarter: "2" }, 0)).toMatchObject({ from: "2024-04-01", to: "2024-06-30" });
    expect(periodFromQuery({}, at("2026-12-02T10:00:00Z"))).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodFromQuery({ from: "2025-02-30", to: "2025-03-01" }, 0)).toBeNull();
    expect(periodFromQuery({ from: "2025-03-01", to: "2025-02-01" }, 0)).toBeNull();
    expect(periodFromQuery({ from: "2025-03-01" }, 0)).toBeNull();
    expect(periodFromQuery({ year: "2024", quarter: "5" }, 0)).toBeNull();
    expect(periodFromQuery({ year: "abc" }, 0)).toBeNull();
  });
});
