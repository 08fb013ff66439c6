// Which manufacturer's product carbon footprint (PCF) stands for a device: the Boavizta reference rows
// (db/reference/boavizta-data-us.csv, read by app/models/carbon-reference.server.ts) matched on normalized
// manufacturer and model names, else the median of the device's type. Pure: the caller passes the rows.
//
// THE RULE (shown on the device page as the figure's source):
//   1. Names are compared as tokens: lower case, punctuation dropped, the maker's name dropped from the
//      start of the model ("HP EliteBook…" with maker HP), words every row of a kind carries dropped
//      ("Notebook PC", "Laptop", "Desktop"…). Makers' aliases (Hewlett-Packard, Dell Inc.) count as one.
//   2. The same maker's rows whose tokens equal the device's → their median.
//   3. Else rows that are the device's model plus only a variant (a capacity such as "256GB", a year,
//      "Wi-Fi + Cellular") → their median ("iPhone 13 Pro" → its four capacities).
//   4. Else the longest row whose tokens begin the device's (the device names more: "ThinkPad T480 20L5").
//   5. Else the median of the device's type (laptop, desktop, monitor, tablet, phone) over all makers.
//      A type with no rows ("other") has no figure.
// Embodied carbon (what one reuse avoids: no new device is made) = gwp_total × (1 − gwp_use_ratio). A row
// that gives no use ratio takes the median ratio of its subcategory's rows that give one.
import type { DeviceType } from "./devices";

/** One row of the reference file, with its numbers read. */
export type ReferenceProduct = {
  manufacturer: string;
  name: string;
  subcategory: string;
  gwpTotal: number;
  gwpUseRatio: number | null;
  weightKg: number | null;
  reportDate: string;
  sourceUrl: string | null;
};

/** A device's carbon figure and where it comes from. */
export type CarbonMatch = {
  kgCo2eEmbodied: number;
  source: "model" | "type";
  /** Model: the maker, product name and report date; type: "median of 452 laptops". */
  reference: string;
  /** The maker's PCF document (one matched product), else null. */
  referenceUrl: string | null;
  /** The matched products' median weight in the reference (kg), for e-waste when the device's own is unknown. */
  weightKg: number | null;
  /** How many reference rows the figure is the median of. */
  productCount: number;
};

/** The reference's subcategory for each device type whose median stands in for unknown models. */
export const typeSubcategories: Partial<Record<DeviceType, string>> = {
  laptop: "Laptop",
  desktop: "Desktop",
  monitor: "Monitor",
  tablet: "Tablet",
  phone: "Smartphone",
};

/** The words a type median's reference uses, in English (the API's text): "median of 452 laptops". */
const typePlurals: Partial<Record<DeviceType, string>> = { laptop: "laptops", desktop: "desktops", monitor: "monitors", tablet: "tablets", phone: "phones" };

const manufacturerAliases: Record<string, string> = {
  "hewlett packard": "hp",
  "hp inc": "hp",
  "hewlett packard enterprise": "hp",
  "dell inc": "dell",
  "dell technologies": "dell",
  "apple inc": "apple",
  "lenovo group": "lenovo",
  "microsoft corporation": "microsoft",
  "samsung electronics": "samsung",
  asustek: "asus",
};

/** Words that say what kind of thing a product is, not which one: dropped before comparing. */
const genericWords = new Set(["notebook", "pc", "laptop", "desktop", "computer", "mobile", "workstation", "monitor", "display", "all", "in", "one", "aio"]);
/** Words a variant of one model adds (capacity, connectivity, year): rule 3. */
const variantWord = /^(\d+(gb|tb)|20\d\d|with|wi|fi|wifi|cellular|and|gb|tb)$/;

export function nameTokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((token) => token !== "");
}

export function normalizeManufacturer(manufacturer: string): string {
  const joined = nameTokens(manufacturer)
    .filter((token) => !["inc", "corp", "corporation", "co", "ltd", "gmbh", "bv", "nv", "sa"].includes(token))
    .join(" ");
  return manufacturerAliases[joined] ?? joined;
}

/** The model's tokens with the maker's name (as the device or the reference writes it) and generic words dropped. */
export function modelTokens(model: string, manufacturer: string): string[] {
  const tokens = nameTokens(model);
  const maker = nameTokens(manufacturer);
  const normalizedMaker = normalizeManufacturer(manufacturer).split(" ");
  for (const prefix of [maker, normalizedMaker]) {
    if (prefix.length > 0 && prefix.every((token, index) => tokens[index] === token)) {
      tokens.splice(0, prefix.length);
      break;
    }
  }
  return tokens.filter((token) => !genericWords.has(token));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function number(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Reads one CSV record (column name → text) of the reference file; null when it has no total. */
export function referenceProductFromRecord(record: Record<string, string | undefined>): ReferenceProduct | null {
  const gwpTotal = number(record.gwp_total);
  if (gwpTotal === null || !record.manufacturer || !record.name) return null;
  const weight = number(record.weight);
  return {
    manufacturer: record.manufacturer.trim(),
    name: record.name.trim(),
    subcategory: (record.subcategory ?? "").trim(),
    gwpTotal,
    gwpUseRatio: number(record.gwp_use_ratio),
    weightKg: weight !== null && weight > 0 ? weight : null,
    reportDate: (record.report_date ?? "").trim(),
    sourceUrl: record.sources?.trim() || null,
  };
}

type IndexedProduct = ReferenceProduct & { makerKey: string; tokens: string[]; embodied: number };

/** The reference rows prepared once for matching: normalized names, embodied figures, type medians. */
export type CarbonReferenceIndex = {
  byMaker: Map<string, IndexedProduct[]>;
  typeMedians: Map<DeviceType, CarbonMatch>;
};

const round = (value: number) => Math.round(value * 10) / 10;

export function buildCarbonReferenceIndex(products: readonly ReferenceProduct[]): CarbonReferenceIndex {
  const ratiosBySubcategory = new Map<string, number[]>();
  for (const product of products) {
    if (product.gwpUseRatio === null) continue;
    const key = product.subcategory.toLowerCase();
    ratiosBySubcategory.set(key, [...(ratiosBySubcategory.get(key) ?? []), product.gwpUseRatio]);
  }
  const allRatios = products.flatMap((product) => (product.gwpUseRatio === null ? [] : [product.gwpUseRatio]));
  const indexed: IndexedProduct[] = products.map((product) => {
    const ratio = product.gwpUseRatio ?? median(ratiosBySubcategory.get(product.subcategory.toLowerCase()) ?? []) ?? median(allRatios) ?? 0;
    return {
      ...product,
      makerKey: normalizeManufacturer(product.manufacturer),
      tokens: modelTokens(product.name, product.manufacturer),
      embodied: product.gwpTotal * (1 - ratio),
    };
  });
  const byMaker = new Map<string, IndexedProduct[]>();
  for (const product of indexed) byMaker.set(product.makerKey, [...(byMaker.get(product.makerKey) ?? []), product]);
  const typeMedians = new Map<DeviceType, CarbonMatch>();
  for (const [type, subcategory] of Object.entries(typeSubcategories) as [DeviceType, string][]) {
    const rows = indexed.filter((product) => product.subcategory.toLowerCase() === subcategory.toLowerCase());
    const embodied = median(rows.map((row) => row.embodied));
    if (embodied === null) continue;
    typeMedians.set(type, {
      kgCo2eEmbodied: round(embodied),
      source: "type",
      reference: `median of ${rows.length} ${typePlurals[type]}`,
      referenceUrl: null,
      weightKg: median(rows.flatMap((row) => (row.weightKg === null ? [] : [row.weightKg]))),
      productCount: rows.length,
    });
  }
  return { byMaker, typeMedians };
}

function startsWith(tokens: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= tokens.length && prefix.every((token, index) => tokens[index] === token);
}

function modelMatch(rows: IndexedProduct[]): CarbonMatch {
  const first = rows[0]!;
  const reportDates = [...new Set(rows.map((row) => row.reportDate).filter((date) => date !== ""))];
  const name = rows.length === 1 ? first.name : `${first.name} (median of ${rows.length} variants)`;
  return {
    kgCo2eEmbodied: round(median(rows.map((row) => row.embodied))!),
    source: "model",
    reference: `${first.manufacturer} ${name}${reportDates.length > 0 ? `, ${reportDates.join(" / ")}` : ""}`,
    referenceUrl: first.sourceUrl,
    weightKg: median(rows.flatMap((row) => (row.weightKg === null ? [] : [row.weightKg]))),
    productCount: rows.length,
  };
}

/** The reference rows that stand for this maker's model (rules 1–4), or none. */
function modelRows(index: CarbonReferenceIndex, manufacturer: string, model: string): IndexedProduct[] {
  const rows = index.byMaker.get(normalizeManufacturer(manufacturer)) ?? [];
  const tokens = modelTokens(model, manufacturer);
  if (tokens.length === 0 || rows.length === 0) return [];
  const key = tokens.join(" ");
  const exact = rows.filter((row) => row.tokens.join(" ") === key);
  if (exact.length > 0) return exact;
  const variants = rows.filter((row) => startsWith(row.tokens, tokens) && row.tokens.slice(tokens.length).every((token) => variantWord.test(token)));
  if (variants.length > 0) return variants;
  // A row named by one bare word ("Surface") is too loose to stand for a longer model name.
  const prefixes = rows.filter((row) => (row.tokens.length >= 2 || /\d/.test(row.tokens[0] ?? "")) && startsWith(tokens, row.tokens));
  const longest = Math.max(0, ...prefixes.map((row) => row.tokens.length));
  return prefixes.filter((row) => row.tokens.length === longest);
}

/** The device's carbon figure: its model's (rules 1–4), else its type's median; null for a type the reference lacks. */
export function matchCarbon(index: CarbonReferenceIndex, device: { manufacturer: string; model: string; type: DeviceType }): CarbonMatch | null {
  const rows = modelRows(index, device.manufacturer, device.model);
  if (rows.length > 0) return modelMatch(rows);
  return index.typeMedians.get(device.type) ?? null;
}
