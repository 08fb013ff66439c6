// What Circuit understands of each row of an inventory file: the columns mapped to fields, the values
// read (dates, prices, categories, drives), and each row checked with the registration form's own schema.
// Rows come back with the device to register or a message per field; nothing here touches the database.
import { z } from "zod";
import { deviceApiSchema } from "~/forms/device";
import { messageWithValues, optionalText, printableText } from "~/forms/fields";
import { deviceTypes, type DeviceType, type MediumKind } from "../devices";
import { mapColumns, type ImportField, type MappedColumn } from "./columns";
import type { CsvTable } from "./parse";
import { categoryType, detectDateOrder, isScientificSerial, mediumKindOf, parseImportDate, parseImportPrice, type DateOrder } from "./values";

/** A row as registered: the form's fields (asset tag optional: Circuit assigns one), prices in cents, and free notes. */
export const importedDeviceSchema = deviceApiSchema.omit({ departmentId: true }).extend({ assetTag: printableText(40).optional(), notes: optionalText(4000) });
export type ImportedDevice = z.infer<typeof importedDeviceSchema>;

/** What the user decided in the preview: a field per unknown column, a type per category value, the date order. */
export type ImportChoices = {
  columns?: Record<string, string>;
  categories?: Record<string, string>;
  dateOrder?: DateOrder;
};

export type FieldMessages = Record<string, string[]>;
export type InterpretedRow = { line: number; values: Partial<Record<ImportField, string>>; device: ImportedDevice | null; fields: FieldMessages };
export type CategoryMapping = { value: string; type: DeviceType | null; source: "known" | "chosen" | "unknown"; rows: number };

export type ImportInterpretation = {
  columns: MappedColumn[];
  /** Headers nobody has mapped yet: the mapping step asks about each. */
  unknownColumns: string[];
  /** The file has no column for the serial number: nothing is read until it has. */
  missingSerialColumn: boolean;
  categories: CategoryMapping[];
  /** The order the dates are read in (chosen, or settled by the values); null while it is ambiguous. */
  dateOrder: DateOrder | null;
  /** The date column could be read day-first or month-first and nobody said which. */
  dateQuestion: boolean;
  rows: InterpretedRow[];
};

/** Schema paths of the registration form, named as the import's fields. */
function fieldOfPath(path: (string | number)[]): string {
  const [first, , last] = path;
  if (first === "purchasePriceCents") return "purchasePrice";
  if (first === "type") return "category";
  if (first === "media") return last === "kind" ? "mediumKind" : last === "capacityGb" ? "mediumCapacityGb" : "mediumSerial";
  return String(first ?? "row");
}

function addMessage(fields: FieldMessages, field: string, message: string) {
  (fields[field] ??= []).push(message);
}

/** Whole numbers and decimals as people type them, for the number fields the schema checks. */
function numberOf(text: string | undefined): number | string | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const normalized = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  const number = Number(normalized);
  return Number.isFinite(number) && normalized !== "" ? number : text;
}

const isDeviceType = (value: unknown): value is DeviceType => typeof value === "string" && (deviceTypes as readonly string[]).includes(value);

function interpretRow(
  line: number,
  values: Partial<Record<ImportField, string>>,
  labels: Partial<Record<ImportField, string>>,
  typeOf: (category: string) => DeviceType | null,
  dateOrder: DateOrder | null,
): InterpretedRow {
  const fields: FieldMessages = {};
  const text = (field: ImportField) => values[field]?.trim() || undefined;

  const serial = text("serial");
  if (serial !== undefined && isScientificSerial(serial)) addMessage(fields, "serial", "errors.import.scientificSerial");

  let type: DeviceType | undefined;
  const category = text("category");
  if (category !== undefined) {
    const mapped = typeOf(category);
    if (mapped) type = mapped;
    else addMessage(fields, "category", "errors.import.categoryUnknown");
  }

  let purchaseDate: string | undefined;
  const dateText = text("purchaseDate");
  if (dateText !== undefined) {
    const date = parseImportDate(dateText, dateOrder);
    if (date.ok) purchaseDate = date.value;
    else addMessage(fields, "purchaseDate", date.error);
  }

  let purchasePriceCents: number | null | undefined;
  const priceText = text("purchasePrice");
  if (priceText !== undefined) {
    const price = parseImportPrice(priceText);
    if (price.ok) purchasePriceCents = price.value;
    else addMessage(fields, "purchasePrice", price.error);
  }

  // A drive with its serial becomes a medium; capacity alone tells the device's storage.
  const media: { serial: string; kind: MediumKind | undefined; capacityGb: number | string | undefined }[] = [];
  const mediumSerial = text("mediumSerial");
  const mediumKindText = text("mediumKind");
  const mediumKind = mediumKindText === undefined ? undefined : (mediumKindOf(mediumKindText) ?? undefined);
  if (mediumKindText !== undefined && mediumKind === undefined) addMessage(fields, "mediumKind", "errors.import.mediumKind");
  const capacity = numberOf(text("mediumCapacityGb"));
  if (mediumSerial !== undefined) {
    if (isScientificSerial(mediumSerial)) addMessage(fields, "mediumSerial", "errors.import.scientificSerial");
    media.push({ serial: mediumSerial, kind: mediumKind, capacityGb: capacity ?? numberOf(text("storageGb")) });
  }

  // What Circuit has no field for is kept in the notes, under the file's own header.
  const extraNotes = (["modelNumber", "company", "location", "status"] as const)
    .filter((field) => text(field) !== undefined)
    .map((field) => `${labels[field]}: ${text(field)}`);
  const notes = [text("notes"), ...extraNotes].filter(Boolean).join("\n");

  const candidate = {
    assetTag: text("assetTag"),
    serial,
    manufacturer: text("manufacturer"),
    model: text("model") ?? text("modelNumber"),
    type,
    cpu: text("cpu"),
    ramGb: numberOf(text("ramGb")),
    storageGb: numberOf(text("storageGb")) ?? (mediumSerial === undefined ? capacity : undefined),
    screenInches: numberOf(text("screenInches")),
    keyboardLayout: text("keyboardLayout"),
    batteryHealthPercent: numberOf(text("batteryHealthPercent")),
    weightKg: numberOf(text("weightKg")),
    conditionNotes: text("conditionNotes"),
    purchaseDate,
    purchasePriceCents,
    notes: notes || undefined,
    media,
  };
  const parsed = importedDeviceSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      // A value this file already explained (an unknown category, an unreadable date) keeps that one message.
      if (!fields[field]) addMessage(fields, field, issue.message);
    }
  }
  const ok = parsed.success && Object.keys(fields).length === 0;
  return { line, values, device: ok ? parsed.data : null, fields };
}

/** Reads the whole table with the user's choices (and a remembered column mapping for these headers). */
export function interpretImport(table: CsvTable, choices: ImportChoices = {}, rememberedColumns: Record<string, string> = {}): ImportInterpretation {
  const columns = mapColumns(table.headers, choices.columns, rememberedColumns);
  const unknownColumns = columns.filter((column) => column.choice === null).map((column) => column.header);
  const columnOf = new Map<ImportField, MappedColumn>();
  for (const column of columns) if (column.choice && column.choice !== "ignore") columnOf.set(column.choice, column);
  const labels = Object.fromEntries([...columnOf].map(([field, column]) => [field, column.header]));
  const missingSerialColumn = !columnOf.has("serial");
  const valuesOf = (cells: string[]) => {
    const values: Partial<Record<ImportField, string>> = {};
    for (const [field, column] of columnOf) values[field] = cells[column.index] ?? "";
    return values;
  };

  const dateColumn = columnOf.get("purchaseDate");
  const dateValues = dateColumn ? table.rows.map((row) => row.cells[dateColumn.index] ?? "").filter((value) => value.trim() !== "") : [];
  const detected = detectDateOrder(dateValues);
  const dateOrder = choices.dateOrder ?? detected;
  const dateQuestion = detected === null && choices.dateOrder === undefined;

  const categoryColumn = columnOf.get("category");
  const counts = new Map<string, number>();
  if (categoryColumn) {
    for (const row of table.rows) {
      const value = (row.cells[categoryColumn.index] ?? "").trim();
      if (value !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const categories: CategoryMapping[] = [...counts].map(([value, rows]) => {
    const chosen = choices.categories?.[value];
    if (isDeviceType(chosen)) return { value, type: chosen, source: "chosen", rows };
    const known = categoryType(value);
    return { value, type: known, source: known ? "known" : "unknown", rows };
  });
  const typeByCategory = new Map(categories.map((category) => [category.value, category.type]));

  if (missingSerialColumn) return { columns, unknownColumns, missingSerialColumn, categories, dateOrder, dateQuestion, rows: [] };

  const rows = table.rows.map((row) => interpretRow(row.line, valuesOf(row.cells), labels, (value) => typeByCategory.get(value) ?? null, dateOrder));
  markDuplicatesInFile(rows);
  return { columns, unknownColumns, missingSerialColumn, categories, dateOrder, dateQuestion, rows };
}

/** A second row with an asset tag or serial already seen in the file is refused, naming the first row's line. */
function markDuplicatesInFile(rows: InterpretedRow[]) {
  for (const field of ["assetTag", "serial"] as const) {
    const firstLine = new Map<string, number>();
    for (const row of rows) {
      const value = row.values[field]?.trim();
      if (!value) continue;
      const first = firstLine.get(value);
      if (first === undefined) firstLine.set(value, row.line);
      else {
        addMessage(row.fields, field, messageWithValues("errors.import.duplicateInFile", { line: String(first) }));
        row.device = null;
      }
    }
  }
}
