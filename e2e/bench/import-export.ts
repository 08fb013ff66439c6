// The import and export figures of `npm run bench`: 100,000 rows imported through the CLI (one transaction,
// one chained register event each) into a database of their own, timed with the child's peak RSS; then the
// devices exported as streamed CSV, with the RSS sampled while it streams (flat memory: it stays put).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { applyMigrations } from "~db/migrate";
import * as schema from "~db/schema";
import { removeLoadDatabase } from "./load-database";

export const IMPORT_ROWS = 100_000;

/** Builds an empty database with a department and a coordinator, and a CSV of `rows` devices; returns their paths. */
export function prepareImportBench(folder = "./data/bench", rows = IMPORT_ROWS): { databasePath: string; csvPath: string } {
  mkdirSync(folder, { recursive: true });
  const databasePath = path.join(folder, "import.db");
  const csvPath = path.join(folder, `import-${rows}.csv`);
  removeLoadDatabase(databasePath);
  const sqlite = new Database(databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  applyMigrations(drizzle(sqlite, { schema }));
  const department = (
    sqlite.prepare("INSERT INTO organizations (name, kind, status) VALUES ('Bench Import Department', 'department', 'approved') RETURNING id").get() as {
      id: number;
    }
  ).id;
  const city = (
    sqlite.prepare("INSERT INTO organizations (name, kind, status) VALUES ('Bench City Office', 'coordinator', 'approved') RETURNING id").get() as {
      id: number;
    }
  ).id;
  sqlite.prepare("INSERT INTO organizations (name, kind, status) VALUES ('Bench IT', 'it_service', 'approved')").run();
  sqlite
    .prepare(
      "INSERT INTO users (id, email, name, role, organization_id, password_hash, activated_at) VALUES ('bench-coordinator', 'coordinator@bench.city', 'Bench Coordinator', 'coordinator', ?, 'x', 0)",
    )
    .run(city);
  sqlite.close();
  void department;
  const lines = ["Asset Tag;Serial Number;Manufacturer;Model;Category;Purchase Date;Purchase Cost;Memory (GB)"];
  const types = ["Laptop", "Desktop", "Monitor", "Tablet"];
  for (let index = 0; index < rows; index++) {
    lines.push(
      `BI-${index};BIS-${index};Dell;Latitude ${5000 + (index % 500)};${types[index % 4]};${1 + (index % 28)}/0${1 + (index % 9)}/2020;1.049,00;${8 * (1 + (index % 4))}`,
    );
  }
  writeFileSync(csvPath, "\uFEFF" + lines.join("\r\n") + "\r\n");
  return { databasePath, csvPath };
}

/** Runs the CLI import once and prints its own summary line (time and peak RSS). */
export function benchImport(): void {
  const { databasePath, csvPath } = prepareImportBench();
  console.log(`\nImport of ${IMPORT_ROWS.toLocaleString("en")} rows through the CLI (one transaction):`);
  const started = performance.now();
  const child = spawnSync("npx", ["tsx", "app/cli/import-devices.ts", csvPath, "--department", "Bench Import Department"], {
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = child.stdout.trim().split("\n").at(-1) ?? "";
  console.log(`  ${summary}`);
  console.log(`  wall time with tsx start-up ${((performance.now() - started) / 1000).toFixed(2)} s, exit code ${child.status}`);
  if (child.status !== 0) console.log(child.stderr.slice(-2000));
}

if (import.meta.url === `file://${process.argv[1]}`) benchImport();

/**
 * Streams the CSV export of every device in the database ~/db.server has open (the load database's 100,000),
 * sampling RSS as it goes: flat memory means the peak stays near the start however many rows pass.
 */
export async function benchExport(): Promise<void> {
  const { streamedCsvResponse } = await import("~/http/csv.server");
  const { deviceExportHeader, deviceExportRows } = await import("~/models/exports.server");
  const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  let lines = 0;
  const started = performance.now();
  const response = streamedCsvResponse("devices.csv", "nl", [...deviceExportHeader], deviceExportRows({ kind: "all" }, {}));
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  console.log(`\nStreamed CSV export of every device (${(lines - 1).toLocaleString("en")} rows, ${megabytes(bytes)} MB of CSV):`);
  console.log(`  ${((performance.now() - started) / 1000).toFixed(2)} s; RSS ${megabytes(before)} MB before, peak ${megabytes(peak)} MB while streaming`);
}
