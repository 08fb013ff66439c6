// Database helpers for model tests: forcing a failure inside a transaction, a second writer, and a
// database as it was before a migration (to test what the migration does to existing rows).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrationsFolder } from "~db/migrate";
import { openDatabase, sqlite } from "~/db.server";

/** Runs `body` while a temporary trigger exists (e.g. one that makes an insert fail). */
export function withTempTrigger<T>(name: string, definition: string, body: () => T): T {
  sqlite.exec(`CREATE TEMP TRIGGER ${name} ${definition}`);
  try {
    return body();
  } finally {
    sqlite.exec(`DROP TRIGGER IF EXISTS temp.${name}`);
  }
}

/**
 * A second process that takes the database's write lock, runs `statement` inside that
 * transaction, reports "locked", holds the lock for `holdMs` and commits: a concurrent writer.
 */
export function concurrentWriter(statement: string, holdMs: number): Promise<{ committed: Promise<number> }> {
  const script = `
    const Database = require("better-sqlite3");
    const connection = new Database(process.env.DATABASE_PATH);
    connection.pragma("busy_timeout = 5000");
    connection.exec("BEGIN IMMEDIATE");
    connection.exec(process.env.STATEMENT);
    process.stdout.write("locked\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.HOLD_MS));
    connection.exec("COMMIT");
    connection.close();
  `;
  const child = spawn(process.execPath, ["-e", script], {
    cwd: process.cwd(),
    env: { ...process.env, STATEMENT: statement, HOLD_MS: String(holdMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const committed = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(code) : reject(new Error(`concurrent writer exited ${code}: ${stderr}`))));
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve({ committed });
    });
    committed.catch(reject);
  });
}

/**
 * A fresh database migrated up to, not including, the migration `tag`; `migrateRest()` applies the
 * rest. For testing what a migration does to rows written before it.
 */
export function databaseBeforeMigration(tag: string) {
  const folder = mkdtempSync(path.join(tmpdir(), "circuit-migration-"));
  const before = path.join(folder, "before");
  cpSync(migrationsFolder, before, { recursive: true });
  const journalPath = path.join(before, "meta", "_journal.json");
  const journal: { entries: { tag: string }[] } = JSON.parse(readFileSync(journalPath, "utf8"));
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new Error(`No migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  const opened = openDatabase(path.join(folder, "old.db"));
  migrate(opened.db, { migrationsFolder: before });
  return { ...opened, migrateRest: () => migrate(opened.db, { migrationsFolder }) };
}
