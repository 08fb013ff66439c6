import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deviceTypes } from "./devices";
import { conditionGrades } from "./lifecycle";
import { expectedLifeYears, floorCents, gradeFactors, priceDevice, type PricingInput } from "./pricing";

const laptop: PricingInput = { type: "laptop", purchasePriceCents: 104_900, purchaseDate: "2022-12-02", conditionGrade: "A" };

describe("the residual-value price rule", () => {
  it("is the purchase price, written off in a straight line over the type's life, times the grade's factor, in whole euros", () => {
    // Bought for € 1.049 four years ago; a laptop lives five years: one fifth remains, grade A keeps all of it.
    const price = priceDevice(laptop, "2026-12-02");
    expect(price.priceCents).toBe(21_000);
    expect(price.basis).toMatchObject({ kind: "residual", purchasePriceCents: 104_900, purchaseYear: 2022, lifeYears: 5, gradeFactor: 1 });
    expect(price.basis.kind === "residual" && price.basis.ageYears).toBeCloseTo(4, 2);
  });

  it("takes the grade into account: B keeps 80 %, C 60 %", () => {
    expect(priceDevice({ ...laptop, conditionGrade: "B" }, "2026-12-02").priceCents).toBe(16_800);
    expect(priceDevice({ ...laptop, conditionGrade: "C" }, "2026-12-02").priceCents).toBe(12_600);
  });

  it("never goes below the type's floor, and says so", () => {
    const old = priceDevice({ ...laptop, purchaseDate: "2015-01-01" }, "2026-12-02");
    expect(old.priceCents).toBe(floorCents.laptop);
    expect(old.basis).toMatchObject({ kind: "residual", residualCents: 0, floored: true });
  });

  it("rounds to whole euros, half up", () => {
    // Bought today: nothing written off yet.
    expect(priceDevice({ ...laptop, purchasePriceCents: 100_150, purchaseDate: "2026-12-02" }, "2026-12-02").priceCents).toBe(100_200);
    expect(priceDevice({ ...laptop, purchasePriceCents: 100_149, purchaseDate: "2026-12-02" }, "2026-12-02").priceCents).toBe(100_100);
  });

  it("prices a device without a known purchase price or date at its type's floor, and says why", () => {
    expect(priceDevice({ ...laptop, purchasePriceCents: null }, "2026-12-02")).toEqual({
      priceCents: floorCents.laptop,
      basis: { kind: "unknown-purchase", floorCents: floorCents.laptop },
    });
    expect(priceDevice({ ...laptop, purchaseDate: null }, "2026-12-02").basis.kind).toBe("unknown-purchase");
  });

  it("does not sell a device bought in the future (a typing error) above its purchase price", () => {
    const price = priceDevice({ ...laptop, purchaseDate: "2027-06-01" }, "2026-12-02");
    expect(price.priceCents).toBe(104_900);
  });

  it("is not for sale as parts-only", () => {
    expect(() => priceDevice({ ...laptop, conditionGrade: "parts" }, "2026-12-02")).toThrow(/parts/);
  });

  it("every type has a life and a floor; every sellable grade a factor between 0 and 1", () => {
    for (const type of deviceTypes) {
      expect(expectedLifeYears[type]).toBeGreaterThan(0);
      expect(floorCents[type] % 100).toBe(0);
    }
    for (const grade of conditionGrades.filter((grade) => grade !== "parts")) {
      expect(gradeFactors[grade]).toBeGreaterThan(0);
      expect(gradeFactors[grade]).toBeLessThanOrEqual(1);
    }
  });

  it("in whole euros, between the floor and the purchase price, and never more for an older or worse device", () => {
    const grades = ["A", "B", "C"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...deviceTypes),
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 2 }),
        (type, purchasePriceCents, daysOld, moreDays, gradeIndex) => {
          const today = Date.UTC(2026, 11, 2);
          const isoDaysBefore = (days: number) => new Date(today - days * 86_400_000).toISOString().slice(0, 10);
          const input: PricingInput = { type, purchasePriceCents, purchaseDate: isoDaysBefore(daysOld), conditionGrade: grades[gradeIndex]! };
          const price = priceDevice(input, "2026-12-02").priceCents;
          expect(price % 100).toBe(0);
          expect(price).toBeGreaterThanOrEqual(floorCents[type]);
          expect(price).toBeLessThanOrEqual(Math.max(floorCents[type], Math.round(purchasePriceCents / 100) * 100));
          expect(priceDevice({ ...input, purchaseDate: isoDaysBefore(daysOld + moreDays) }, "2026-12-02").priceCents).toBeLessThanOrEqual(price);
          const worse = grades[Math.min(gradeIndex + 1, 2)]!;
          expect(priceDevice({ ...input, conditionGrade: worse }, "2026-12-02").priceCents).toBeLessThanOrEqual(price);
        },
      ),
    );
  });
});
