// The matching rule on the REAL rows of db/reference/boavizta-data-us.csv, read by the server module that
// loads it in production (the domain itself reads no files).
import { describe, expect, test } from "vitest";
import { carbonReferenceProducts } from "~/models/carbon-reference-file.server";
import { buildCarbonReferenceIndex, matchCarbon, median, modelTokens, normalizeManufacturer } from "~/domain/carbon-reference";

const products = carbonReferenceProducts();
const index = buildCarbonReferenceIndex(products);

describe("the reference file", () => {
  test("holds the 1,226 products with their totals", () => {
    expect(products).toHaveLength(1226);
    expect(products.filter((product) => product.subcategory === "Laptop")).toHaveLength(452);
  });
});

describe("matching a device to its manufacturer's footprint", () => {
  test("Latitude 5490 finds Dell's row: 251 kg × (1 − 0.176)", () => {
    const match = matchCarbon(index, { manufacturer: "Dell", model: "Latitude 5490", type: "laptop" });
    expect(match).toMatchObject({ source: "model", kgCo2eEmbodied: 206.8, weightKg: 1.6, productCount: 1 });
    expect(match?.reference).toBe("Dell Latitude 5490, December 2018");
    expect(match?.referenceUrl).toContain("carbon-footprint-latitude-5490.pdf");
  });

  test("case, spacing, punctuation and the maker's name in the model do not matter", () => {
    for (const [manufacturer, model] of [
      ["DELL", "  latitude   5490 "],
      ["Dell Inc.", "Dell Latitude-5490"],
      ["dell technologies", "LATITUDE 5490"],
    ]) {
      expect(matchCarbon(index, { manufacturer: manufacturer!, model: model!, type: "laptop" })?.reference).toBe("Dell Latitude 5490, December 2018");
    }
  });

  test("HP's names carry 'Notebook PC': 'HP EliteBook 840 Aero G8' finds its row, its missing use ratio from the laptops' median", () => {
    const match = matchCarbon(index, { manufacturer: "Hewlett-Packard", model: "HP EliteBook 840 Aero G8", type: "laptop" });
    expect(match?.source).toBe("model");
    expect(match?.reference).toBe("HP EliteBook 840 Aero G8 Notebook PC, 2021-3-17");
    const laptopRatio = median(
      products.filter((product) => product.subcategory === "Laptop" && product.gwpUseRatio !== null).map((product) => product.gwpUseRatio!),
    )!;
    expect(match?.kgCo2eEmbodied).toBeCloseTo(345 * (1 - laptopRatio), 0);
  });

  test("HP EliteBook 840 G6 is not in the file (only G8): the laptops' median, never a neighbour's footprint", () => {
    const match = matchCarbon(index, { manufacturer: "HP", model: "EliteBook 840 G6", type: "laptop" });
    expect(match).toMatchObject({ source: "type", reference: "median of 452 laptops", productCount: 452 });
  });

  test("a model with several rows (one per capacity) → their median", () => {
    const match = matchCarbon(index, { manufacturer: "Apple", model: "iPhone 13 Pro", type: "phone" });
    // 128 GB 69, 256 GB 76, 512 GB 88, 1 TB 112 kg, use ratio 0.12 → median of the embodied shares.
    expect(match).toMatchObject({ source: "model", productCount: 4 });
    expect(match?.kgCo2eEmbodied).toBeCloseTo(((76 + 88) / 2) * 0.88, 1);
  });

  test("a model named more precisely than the row (a part number after it) finds the row", () => {
    expect(matchCarbon(index, { manufacturer: "Lenovo", model: "ThinkPad X270 20HN", type: "laptop" })?.reference).toMatch(/^Lenovo ThinkPad X270,/);
  });

  test("an unknown model → the median of its type, and which type and how many rows it is", () => {
    const monitor = matchCarbon(index, { manufacturer: "Iiyama", model: "ProLite X2483", type: "monitor" });
    expect(monitor).toMatchObject({ source: "type", reference: "median of 296 monitors", productCount: 296 });
    const laptops = products.filter((product) => product.subcategory === "Laptop");
    expect(median(laptops.map((laptop) => laptop.gwpTotal))).toBe(307); // the data README's figure
    expect(matchCarbon(index, { manufacturer: "Acme", model: "Z1", type: "desktop" })?.reference).toBe("median of 259 desktops");
  });

  test("a type the reference lacks ('other') has no figure", () => {
    expect(matchCarbon(index, { manufacturer: "Acme", model: "Beamer 3000", type: "other" })).toBeNull();
  });
});

describe("names", () => {
  test("makers' aliases and generic words", () => {
    expect(normalizeManufacturer("Hewlett-Packard")).toBe("hp");
    expect(normalizeManufacturer("HP Inc.")).toBe("hp");
    expect(modelTokens("HP EliteBook 840 Aero G8 Notebook PC", "HP")).toEqual(["elitebook", "840", "aero", "g8"]);
  });
});
