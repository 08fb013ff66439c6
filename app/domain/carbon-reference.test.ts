// The matching rule on hand-made rows (the real file's rows: app/models/carbon-reference-file.server.test.ts).
import { describe, expect, test } from "vitest";
import { buildCarbonReferenceIndex, matchCarbon, median, modelTokens, type ReferenceProduct } from "./carbon-reference";

const row = (name: string, gwpTotal: number, gwpUseRatio: number | null, subcategory = "Laptop"): ReferenceProduct => ({
  manufacturer: "Acme",
  name,
  subcategory,
  gwpTotal,
  gwpUseRatio,
  weightKg: null,
  reportDate: "May 2020",
  sourceUrl: null,
});

describe("matchCarbon", () => {
  test("embodied = total × (1 − use ratio); a row without a ratio takes its subcategory's median ratio", () => {
    const index = buildCarbonReferenceIndex([row("Book 1", 200, 0.25), row("Book 2", 300, 0.15), row("Book 3", 100, null)]);
    expect(matchCarbon(index, { manufacturer: "Acme", model: "Book 1", type: "laptop" })?.kgCo2eEmbodied).toBe(150);
    expect(matchCarbon(index, { manufacturer: "Acme", model: "Book 3", type: "laptop" })?.kgCo2eEmbodied).toBe(80);
  });

  test("a bare one-word row does not stand for a longer model name", () => {
    const index = buildCarbonReferenceIndex([row("Book", 100, 0.5)]);
    expect(matchCarbon(index, { manufacturer: "Acme", model: "Book Pro 14", type: "laptop" })).toMatchObject({
      source: "type",
      reference: "median of 1 laptops",
    });
  });

  test("variants of one model (capacities) → their median, and the count in the reference", () => {
    const index = buildCarbonReferenceIndex([row("Pad 64GB", 100, 0.1, "Tablet"), row("Pad 256GB", 120, 0.1, "Tablet"), row("Pad Pro", 500, 0.1, "Tablet")]);
    expect(matchCarbon(index, { manufacturer: "ACME", model: "pad", type: "tablet" })).toMatchObject({ kgCo2eEmbodied: 99, productCount: 2, source: "model" });
  });

  test("no rows of the type → no figure", () => {
    expect(matchCarbon(buildCarbonReferenceIndex([]), { manufacturer: "Acme", model: "X", type: "laptop" })).toBeNull();
  });

  test("median and tokens", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(modelTokens("Acme Book-1  Notebook PC", "ACME")).toEqual(["book", "1"]);
  });
});
