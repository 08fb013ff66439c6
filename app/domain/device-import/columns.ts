// Which of Circuit's fields a file's column holds. Circuit's own template (Dutch and English headers)
// and Snipe-IT's asset importer and export headers map themselves; columns about who holds an asset
// are ignored and never stored; any other column is asked about once and remembered by its headers.

/** The fields an imported column can fill. */
export const importFields = [
  "assetTag",
  "serial",
  "manufacturer",
  "model",
  "modelNumber",
  "category",
  "cpu",
  "ramGb",
  "storageGb",
  "screenInches",
  "keyboardLayout",
  "batteryHealthPercent",
  "weightKg",
  "conditionNotes",
  "purchaseDate",
  "purchasePrice",
  "notes",
  "company",
  "location",
  "status",
  "mediumSerial",
  "mediumKind",
  "mediumCapacityGb",
] as const;
export type ImportField = (typeof importFields)[number];
export type ColumnChoice = ImportField | "ignore";
export const columnChoices: readonly ColumnChoice[] = [...importFields, "ignore"];

export function isColumnChoice(value: unknown): value is ColumnChoice {
  return typeof value === "string" && (columnChoices as readonly string[]).includes(value);
}

/** Circuit's template: the fields in order, with their header in each language (a file in either maps itself). */
export const templateHeaders: Record<"nl" | "en", Partial<Record<ImportField, string>>> = {
  en: {
    assetTag: "Asset tag",
    serial: "Serial number",
    manufacturer: "Manufacturer",
    model: "Model",
    category: "Type",
    cpu: "Processor",
    ramGb: "Memory (GB)",
    storageGb: "Storage (GB)",
    screenInches: "Screen (inches)",
    keyboardLayout: "Keyboard layout",
    batteryHealthPercent: "Battery health (%)",
    weightKg: "Weight (kg)",
    conditionNotes: "Condition notes",
    purchaseDate: "Purchase date",
    purchasePrice: "Purchase price (EUR)",
    notes: "Notes",
    mediumSerial: "Drive serial number",
    mediumKind: "Drive kind",
    mediumCapacityGb: "Drive capacity (GB)",
  },
  nl: {
    assetTag: "Inventarisnummer",
    serial: "Serienummer",
    manufacturer: "Fabrikant",
    model: "Model",
    category: "Soort",
    cpu: "Processor",
    ramGb: "Geheugen (GB)",
    storageGb: "Opslag (GB)",
    screenInches: "Scherm (inch)",
    keyboardLayout: "Toetsenbordindeling",
    batteryHealthPercent: "Batterijconditie (%)",
    weightKg: "Gewicht (kg)",
    conditionNotes: "Opmerkingen over de staat",
    purchaseDate: "Aankoopdatum",
    purchasePrice: "Aankoopprijs (EUR)",
    notes: "Notities",
    mediumSerial: "Serienummer schijf",
    mediumKind: "Soort schijf",
    mediumCapacityGb: "Capaciteit schijf (GB)",
  },
};

/** Snipe-IT's asset importer and asset export headers. */
const snipeItHeaders: Record<string, ImportField> = {
  "asset tag": "assetTag",
  "serial number": "serial",
  serial: "serial",
  manufacturer: "manufacturer",
  "model name": "model",
  model: "model",
  "model number": "modelNumber",
  "model no": "modelNumber",
  category: "category",
  "purchase date": "purchaseDate",
  "purchase cost": "purchasePrice",
  notes: "notes",
  company: "company",
  location: "location",
  status: "status",
};

/** Columns about who holds an asset (Snipe-IT's checkout columns): never read, never stored. */
const holderHeaders = [
  "checked out to",
  "assigned to",
  "checkout date",
  "expected checkin",
  "last checkout",
  "full name",
  "first name",
  "last name",
  "email",
  "username",
  "employee number",
  "user",
  "checked out",
];

/** Other columns of a Snipe-IT export that Circuit has no field for: known, so they ask nothing. */
const knownIgnoredHeaders = [
  "id",
  "name",
  "asset name",
  "item name",
  "supplier",
  "order number",
  "warranty",
  "warranty months",
  "warranty expires",
  "eol",
  "eol date",
  "requestable",
  "created at",
  "updated at",
  "last audit",
  "next audit date",
  "byod",
  "default location",
  "depreciation",
  "current value",
  "image",
  "url",
];

/** A header as compared: lower case, no punctuation at the ends, one space between words. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[.:*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const knownHeaders: Map<string, ColumnChoice> = new Map([
  ...Object.entries(snipeItHeaders),
  ...Object.values(templateHeaders).flatMap((headers) => Object.entries(headers).map(([field, header]) => [headerKey(header), field as ImportField] as const)),
  ...holderHeaders.map((header) => [header, "ignore"] as const),
  ...knownIgnoredHeaders.map((header) => [header, "ignore"] as const),
]);

/** What a header maps to by itself, or null when the user must say. */
export function knownColumn(header: string): ColumnChoice | null {
  return knownHeaders.get(headerKey(header)) ?? null;
}

/** Whether the column is about who holds an asset (ignored even when the user maps it). */
export function isHolderColumn(header: string): boolean {
  return holderHeaders.includes(headerKey(header));
}

/** The key under which a file's column mapping is remembered: its headers, as compared, in order. */
export function headersKey(headers: string[]): string {
  return headers.map(headerKey).join("\u001f");
}

export type ColumnSource = "known" | "remembered" | "chosen" | "holder" | "unknown";
export type MappedColumn = { index: number; header: string; choice: ColumnChoice | null; source: ColumnSource };

/**
 * Each column's field: the user's choice for this upload first, then a remembered mapping for these headers,
 * then the known headers. Holder columns are always ignored. A field taken by an earlier column is ignored later.
 */
export function mapColumns(headers: string[], chosen: Record<string, string> = {}, remembered: Record<string, string> = {}): MappedColumn[] {
  const taken = new Set<ColumnChoice>();
  return headers.map((header, index) => {
    let choice: ColumnChoice | null = null;
    let source: ColumnSource = "unknown";
    const known = knownColumn(header);
    if (isHolderColumn(header)) [choice, source] = ["ignore", "holder"];
    else if (isColumnChoice(chosen[header])) [choice, source] = [chosen[header], "chosen"];
    else if (isColumnChoice(remembered[header])) [choice, source] = [remembered[header], "remembered"];
    else if (known) [choice, source] = [known, "known"];
    if (choice && choice !== "ignore") {
      if (taken.has(choice)) choice = "ignore";
      else taken.add(choice);
    }
    return { index, header, choice, source };
  });
}
