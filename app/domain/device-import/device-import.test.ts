import { describe, expect, it } from "vitest";
import { headersKey, mapColumns } from "./columns";
import { decodeCsvBytes } from "./decode";
import { detectDelimiter, parseCsv } from "./parse";
import { interpretImport } from "./rows";
import { categoryType, detectDateOrder, isScientificSerial, parseImportDate, parseImportPrice } from "./values";

import belgianExcel from "./fixtures/belgian-excel.csv?raw";
import facilitiesSheet from "./fixtures/facilities-sheet.csv?raw";
import noSerialColumn from "./fixtures/no-serial-column.csv?raw";
import oldMac from "./fixtures/old-mac.csv?raw";
import snipeItExport from "./fixtures/snipe-it-export.tsv?raw";
// Stored as base64: a text import would read the file as UTF-8 and lose its Windows-1252 bytes.
import windows1252Base64 from "./fixtures/windows-1252.csv.base64?raw";

const files: Record<string, Uint8Array> = {
  "belgian-excel.csv": new TextEncoder().encode(belgianExcel),
  "facilities-sheet.csv": new TextEncoder().encode(facilitiesSheet),
  "no-serial-column.csv": new TextEncoder().encode(noSerialColumn),
  "old-mac.csv": new TextEncoder().encode(oldMac),
  "snipe-it-export.tsv": new TextEncoder().encode(snipeItExport),
  "windows-1252.csv": Uint8Array.from(atob(windows1252Base64.trim()), (character) => character.charCodeAt(0)),
};

const fixture = (name: string) => parseCsv(decodeCsvBytes(files[name] ?? new Uint8Array()));

describe("reading files as people have them", () => {
  it("reads Belgian Excel: semicolons, a byte-order mark, decimal commas and day-first dates", () => {
    const table = fixture("belgian-excel.csv");
    expect(table.delimiter).toBe(";");
    expect(table.headers[0]).toBe("Inventarisnummer");
    const result = interpretImport(table);
    expect(result.unknownColumns).toEqual([]);
    expect(result.dateOrder).toBe("DMY");
    expect(result.dateQuestion).toBe(false);
    expect(result.rows.map((row) => row.fields)).toEqual([{}, {}]);
    expect(result.rows[0]?.device).toMatchObject({ assetTag: "STAD-001", type: "laptop", purchaseDate: "2019-12-24", purchasePriceCents: 104900, ramGb: 8 });
    expect(result.rows[1]?.device).toMatchObject({ type: "desktop", purchaseDate: "2020-02-03", purchasePriceCents: 64900 });
  });

  it("reads Windows-1252 text with its accents", () => {
    const table = fixture("windows-1252.csv");
    const result = interpretImport(table);
    expect(result.rows[0]?.device?.notes).toBe("Écran rayé, clé perdue");
    expect(result.rows[1]?.device).toMatchObject({ manufacturer: "Français", type: "monitor", notes: "Geëxporteerd door de façade" });
  });

  it("reads bare \\r line ends and a quoted line break, and keeps each row's line", () => {
    const table = fixture("old-mac.csv");
    expect(table.rows.map((row) => row.line)).toEqual([2, 4]);
    const result = interpretImport(table);
    expect(result.rows[0]?.device).toMatchObject({ assetTag: "M-1", type: "laptop", notes: "first line\rsecond line" });
    expect(result.rows[1]?.device).toMatchObject({ assetTag: "M-2", type: "desktop" });
  });

  it("maps a Snipe-IT export by itself, ignores who holds an asset, and asks the order of ambiguous dates", () => {
    const table = fixture("snipe-it-export.tsv");
    expect(table.delimiter).toBe("\t");
    const result = interpretImport(table);
    expect(result.unknownColumns).toEqual([]);
    expect(result.columns.filter((column) => column.source === "holder").map((column) => column.header)).toEqual(["Checked Out To", "Email"]);
    expect(result.dateQuestion).toBe(true);
    expect(result.rows[0]?.fields.purchaseDate).toEqual(["errors.import.dateOrderUnknown"]);
    expect(JSON.stringify(result.rows)).not.toContain("Jan Peeters");

    const answered = interpretImport(table, { dateOrder: "MDY" });
    expect(answered.dateQuestion).toBe(false);
    expect(answered.rows[0]?.device).toMatchObject({
      serial: "S-1",
      model: "Latitude 7480",
      purchaseDate: "2019-03-04",
      purchasePriceCents: 104900,
      type: "laptop",
    });
    expect(answered.rows[0]?.device?.notes).toBe("Scherm\ngekrast\nModel No.: P72G\nLocation: Stadhuis\nStatus: Ready to Deploy");
    expect(answered.rows[1]?.device).toMatchObject({ type: "monitor", purchaseDate: "2019-05-06" });
  });

  it("refuses E+ serials, duplicate asset tags in one file, unknown categories and missing serials row by row", () => {
    const table = fixture("facilities-sheet.csv");
    const result = interpretImport(table);
    expect(result.unknownColumns).toEqual(["Kostenplaats"]);
    expect(result.categories.find((category) => category.value === "Printer")).toMatchObject({ type: null, source: "unknown" });
    const byLine = Object.fromEntries(result.rows.map((row) => [row.line, row]));
    expect(byLine[2]?.fields).toEqual({ serial: ["errors.import.scientificSerial"] });
    expect(byLine[3]?.device).not.toBeNull();
    expect(byLine[4]?.fields).toEqual({ assetTag: ['errors.import.duplicateInFile {"line":"3"}'] });
    expect(byLine[5]?.fields).toEqual({ category: ["errors.import.categoryUnknown"] });
    expect(byLine[6]?.fields).toEqual({ serial: ["errors.required"] });

    const mapped = interpretImport(table, { columns: { Kostenplaats: "notes" }, categories: { Printer: "other" } });
    expect(mapped.unknownColumns).toEqual([]);
    const printer = mapped.rows.find((row) => row.line === 5);
    expect(printer?.device).toMatchObject({ type: "other", notes: "KP-13" });
  });

  it("says that a file lacks a serial number column before reading any row", () => {
    const result = interpretImport(fixture("no-serial-column.csv"));
    expect(result.missingSerialColumn).toBe(true);
    expect(result.rows).toEqual([]);
  });
});

describe("values", () => {
  it("decodes UTF-8 with and without its byte-order mark, and Windows-1252 otherwise", () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]))).toBe("aé");
    expect(decodeCsvBytes(new Uint8Array([0x61, 0xc3, 0xa9]))).toBe("aé");
    expect(decodeCsvBytes(new Uint8Array([0x61, 0xe9, 0x80]))).toBe("aé€");
  });

  it("detects the delimiter in the header line, outside quotes", () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3,4,5')).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });

  it("reads dates in ISO, day-first and month-first, and settles the order with one telling value", () => {
    expect(detectDateOrder(["2020-01-02", "2021-12-31"])).toBe("YMD");
    expect(detectDateOrder(["03/04/2020", "24/12/2020"])).toBe("DMY");
    expect(detectDateOrder(["3/4/20", "12/24/20"])).toBe("MDY");
    expect(detectDateOrder(["3/4/20", "5/6/20"])).toBeNull();
    expect(parseImportDate("4-3-2020", "DMY")).toEqual({ ok: true, value: "2020-03-04" });
    expect(parseImportDate("3/4/19", "MDY")).toEqual({ ok: true, value: "2019-03-04" });
    expect(parseImportDate("2019-03-04 00:00:00", null)).toEqual({ ok: true, value: "2019-03-04" });
    expect(parseImportDate("maart 2020", "DMY")).toEqual({ ok: false, error: "errors.import.date" });
  });

  it("reads prices as cents", () => {
    expect(parseImportPrice("1.049,00")).toEqual({ ok: true, value: 104900 });
    expect(parseImportPrice("€ 1049")).toEqual({ ok: true, value: 104900 });
    expect(parseImportPrice("1049.00")).toEqual({ ok: true, value: 104900 });
    expect(parseImportPrice("1,049.50")).toEqual({ ok: true, value: 104950 });
    expect(parseImportPrice("12,5")).toEqual({ ok: true, value: 1250 });
    expect(parseImportPrice("")).toEqual({ ok: true, value: null });
    expect(parseImportPrice("gratis")).toEqual({ ok: false, error: "errors.import.price" });
  });

  it("knows scientific-notation serials and category words in both languages", () => {
    expect(isScientificSerial("6.37702E+15")).toBe(true);
    expect(isScientificSerial("5CG7E15")).toBe(false);
    expect(categoryType("Notebooks")).toBe("laptop");
    expect(categoryType("Werkstation")).toBe("desktop");
    expect(categoryType("Beeldscherm 24 inch")).toBe("monitor");
    expect(categoryType("Printer")).toBeNull();
  });

  it("maps columns by choice, then by memory, then by the known headers", () => {
    const headers = ["Asset Tag", "Kostenplaats", "Assigned To"];
    expect(mapColumns(headers).map((column) => column.choice)).toEqual(["assetTag", null, "ignore"]);
    expect(mapColumns(headers, {}, { Kostenplaats: "notes" }).map((column) => column.source)).toEqual(["known", "remembered", "holder"]);
    expect(mapColumns(headers, { "Assigned To": "notes" })[2]?.choice).toBe("ignore");
    expect(headersKey(["Asset Tag ", "Serial."])).toBe(headersKey(["asset tag", "serial"]));
  });
});
