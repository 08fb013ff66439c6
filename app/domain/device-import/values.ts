// Reading the values of an inventory file as people write them: dates in several orders, prices with
// decimal commas and euro signs, serials a spreadsheet mangled, and category words in Dutch or English.
import type { DeviceType, MediumKind } from "../devices";
import { mediumKinds } from "../devices";

export const dateOrders = ["DMY", "MDY", "YMD"] as const;
export type DateOrder = (typeof dateOrders)[number];

type DateParts = { first: number; second: number; year: number } | { iso: string };

/** The parts of a date as written (ISO, D/M/YYYY, D-M-YYYY, D.M.YY…), or null when it is no date at all. */
function dateParts(text: string): DateParts | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(value);
  if (iso) return { iso: `${iso[1]}-${iso[2]!.padStart(2, "0")}-${iso[3]!.padStart(2, "0")}` };
  const other = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(value);
  if (!other) return null;
  const year = Number(other[3]);
  // Two-digit years: 00–69 are this century, 70–99 the last (as spreadsheets read them).
  return { first: Number(other[1]), second: Number(other[2]), year: other[3]!.length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year };
}

/**
 * The order of a date column: ISO when every date is ISO; day first or month first when one value settles it
 * (24/12 can only be day first); null when every value could be either (the preview asks).
 */
export function detectDateOrder(values: string[]): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  let ambiguous = false;
  for (const value of values) {
    const parts = dateParts(value);
    if (!parts || "iso" in parts) continue;
    if (parts.first > 12 && parts.second <= 12) dayFirst = true;
    else if (parts.second > 12 && parts.first <= 12) monthFirst = true;
    else if (parts.first !== parts.second) ambiguous = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? "DMY" : "MDY";
  if (dayFirst && monthFirst) return null;
  // Only ISO dates, or only dates like 3/3/2020 that read the same either way.
  return ambiguous ? null : "YMD";
}

export function isDateAmbiguous(values: string[]): boolean {
  return detectDateOrder(values) === null;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The date as YYYY-MM-DD (the schema checks that the day exists and is not in the future), or an error key. */
export function parseImportDate(text: string, order: DateOrder | null): { ok: true; value: string } | { ok: false; error: string } {
  const parts = dateParts(text);
  if (!parts) return { ok: false, error: "errors.import.date" };
  if ("iso" in parts) return { ok: true, value: parts.iso };
  if (order === null) return { ok: false, error: "errors.import.dateOrderUnknown" };
  const [day, month] = order === "MDY" ? [parts.second, parts.first] : [parts.first, parts.second];
  return { ok: true, value: `${String(parts.year).padStart(4, "0")}-${pad(month)}-${pad(day)}` };
}

/**
 * A price as cents: "1.049,00", "€ 1049", "1049.00", "1,049.00". A single dot followed by three digits
 * ("1.049") is a thousands mark as Dutch and Belgian files write it. Null for an empty cell.
 */
export function parseImportPrice(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  let value = text.replace(/[€\s\u00a0\u202f]|EUR/gi, "");
  if (value === "") return { ok: true, value: null };
  if (!/^-?[\d.,]+$/.test(value)) return { ok: false, error: "errors.import.price" };
  const commas = value.split(",").length - 1;
  const dots = value.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    const decimal = value.lastIndexOf(",") > value.lastIndexOf(".") ? "," : ".";
    value = value
      .split(decimal === "," ? "." : ",")
      .join("")
      .replace(decimal, ".");
  } else if (commas === 1) value = /,\d{3}$/.test(value) && value.length > 4 && !/^0,/.test(value) ? value.replace(",", "") : value.replace(",", ".");
  else if (commas > 1) value = value.split(",").join("");
  else if (dots === 1 && /^\d{1,3}\.\d{3}$/.test(value)) value = value.replace(".", "");
  else if (dots > 1) value = value.split(".").join("");
  const euros = Number(value);
  if (!Number.isFinite(euros) || euros < 0) return { ok: false, error: "errors.import.price" };
  return { ok: true, value: Math.round(euros * 100) };
}

/** Whether a spreadsheet turned the serial into a number in scientific notation (6.37702E+15): its digits are lost. */
export function isScientificSerial(text: string): boolean {
  return /^\d+(?:[.,]\d+)?E\+?\d+$/i.test(text.trim());
}

/** Common words for each device type, Dutch and English, as they appear in category columns. */
const categoryWords: [DeviceType, string[]][] = [
  ["laptop", ["laptop", "laptops", "notebook", "notebooks", "portable", "draagbaar", "ultrabook", "chromebook", "macbook"]],
  ["desktop", ["desktop", "desktops", "pc", "pcs", "werkstation", "workstation", "computer", "tower", "all-in-one", "aio", "vaste"]],
  ["monitor", ["monitor", "monitors", "monitoren", "scherm", "schermen", "beeldscherm", "beeldschermen", "display", "screen"]],
  ["tablet", ["tablet", "tablets", "ipad", "ipads"]],
  ["phone", ["phone", "phones", "telefoon", "telefoons", "smartphone", "smartphones", "gsm", "gsm's", "mobile", "iphone", "mobiel"]],
];

/** The device type a category names by a common word, or null when the user must say. */
export function categoryType(category: string): DeviceType | null {
  const words = category
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean);
  for (const [type, known] of categoryWords) if (words.some((word) => known.includes(word))) return type;
  return null;
}

/** A drive kind as files write it (ssd, NVMe SSD, hdd, harde schijf, emmc). */
export function mediumKindOf(text: string): MediumKind | null {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  if (value.includes("nvme") || value.includes("m.2")) return "NVMe";
  if (value.includes("emmc")) return "eMMC";
  if (value.includes("ssd") || value.includes("solid")) return "SSD";
  if (value.includes("hdd") || value.includes("hard") || value.includes("harde")) return "HDD";
  return mediumKinds.find((kind) => kind.toLowerCase() === value) ?? null;
}
