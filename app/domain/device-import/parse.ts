// Splitting an inventory file into a header and rows, as people's files really are: `,` `;` or tab
// between fields (Belgian Excel writes `;`), quoted fields with line breaks, and \r\n, \n or bare \r.
import { parse } from "csv-parse/sync";

export const csvDelimiters = [",", ";", "\t"] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

export type CsvRow = { /** The file's line where the row starts (the header is line 1). */ line: number; cells: string[] };
export type CsvTable = { delimiter: CsvDelimiter; headers: string[]; rows: CsvRow[] };

/** The delimiter that occurs most in the header line (outside quotes); a comma when none does. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(csvDelimiters.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text.replace(/^\uFEFF/, "")) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && counts.has(character as CsvDelimiter)) counts.set(character as CsvDelimiter, (counts.get(character as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

type RecordWithInfo = { record: string[]; info: { lines: number } };

/** With `info: true` csv-parse gives each record with its position; its types do not say so. */
function isRecordWithInfo(value: unknown): value is RecordWithInfo {
  return typeof value === "object" && value !== null && "record" in value && Array.isArray(value.record) && "info" in value;
}

const lineBreaks = (cell: string) => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

/** Thrown when the text is not CSV at all (an unterminated quote, a binary file); the message is a translation key. */
export class CsvFormatError extends Error {
  constructor(readonly line: number) {
    super("errors.import.unreadableFile");
  }
}

/** Parses the text; the first non-empty record is the header. Empty lines are skipped, rows keep their line in the file. */
export function parseCsv(text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  let parsed: unknown[];
  try {
    parsed = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    throw new CsvFormatError(line);
  }
  const rows = parsed
    .filter(isRecordWithInfo)
    // csv-parse counts the line where a record ends; a quoted line break moves it down.
    .map(({ record, info }) => ({ line: info.lines - record.reduce((sum, cell) => sum + lineBreaks(cell), 0), cells: record }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  const [header, ...body] = rows;
  return { delimiter, headers: (header?.cells ?? []).map((cell) => cell.trim()), rows: body };
}
