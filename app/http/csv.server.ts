// CSV answers: a UTF-8 byte-order mark (Excel opens it right), `;` for Dutch (Belgian Excel's list
// separator) and `,` for English, and rows streamed from a query so that large exports hold little memory.
import { stringify } from "csv-stringify/sync";

export type CsvLanguage = "nl" | "en";

export function delimiterFor(language: string): ";" | "," {
  return language === "en" ? "," : ";";
}

/** One CSV line with its line end (quotes where a value needs them). */
export function csvLine(values: (string | number | null | undefined)[], delimiter: string): string {
  return stringify([values.map((value) => (value === null || value === undefined ? "" : String(value)))], { delimiter, record_delimiter: "\r\n" });
}

const encoder = new TextEncoder();

/**
 * A streamed CSV response: the header line, then one line per row pulled from `rows` (an iterator over a
 * prepared statement, say) in batches, so that the whole table is never held in memory.
 */
export function streamedCsvResponse(fileName: string, language: string, header: string[], rows: Iterable<(string | number | null)[]>): Response {
  const delimiter = delimiterFor(language);
  const iterator = rows[Symbol.iterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = "";
      if (!started) {
        chunk = "\uFEFF" + csvLine(header, delimiter);
        started = true;
      }
      for (let count = 0; count < 500; count++) {
        const next = iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(next.value, delimiter);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` },
  });
}
