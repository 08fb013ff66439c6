// The one database connection: SQLite through better-sqlite3, in WAL mode with foreign keys on.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "~db/schema";
import { env } from "~/env.server";

export type CircuitDatabase = BetterSQLite3Database<typeof schema>;

export function openDatabase(databasePath: string): { sqlite: Database.Database; db: CircuitDatabase } {
  if (databasePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const sqlite = new Database(databasePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // So that INSERT OR REPLACE fires DELETE triggers too (the custody ledger refuses deletes).
  sqlite.pragma("recursive_triggers = ON");
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

// Kept on globalThis so that the dev server's module reloads do not open a second connection.
const globalForDatabase = globalThis as unknown as { circuitDatabase?: ReturnType<typeof openDatabase> };
globalForDatabase.circuitDatabase ??= openDatabase(env.DATABASE_PATH);

export const sqlite = globalForDatabase.circuitDatabase.sqlite;
export const db = globalForDatabase.circuitDatabase.db;

/** SQLite's answer when a unique index refuses a row (another writer got there first). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}
