import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { createLoadDatabase, loadDatabaseFiles, removeLoadDatabase } from "./load-database";

function benchFolder(): { folder: string; databasePath: string; neighbour: string } {
  const folder = mkdtempSync(path.join(tmpdir(), "circuit-bench-"));
  const neighbour = path.join(folder, "notes.txt");
  writeFileSync(neighbour, "not the bench's to delete");
  return { folder, databasePath: path.join(folder, "circuit.db"), neighbour };
}

test("removing the load database removes its own files and leaves the folder and its other files alone", () => {
  const { folder, databasePath, neighbour } = benchFolder();
  for (const file of loadDatabaseFiles(databasePath)) writeFileSync(file, "old");
  removeLoadDatabase(databasePath);
  for (const file of loadDatabaseFiles(databasePath)) expect(existsSync(file), file).toBe(false);
  expect(existsSync(folder)).toBe(true);
  expect(readFileSync(neighbour, "utf8")).toBe("not the bench's to delete");
  // Nothing there to remove is no error either.
  expect(() => removeLoadDatabase(databasePath)).not.toThrow();
});

test("building over an earlier load database keeps what lies beside it", () => {
  const { databasePath, neighbour } = benchFolder();
  writeFileSync(databasePath, "an earlier, broken database");
  createLoadDatabase(databasePath, () => {}, 20);
  expect(readFileSync(neighbour, "utf8")).toBe("not the bench's to delete");
  const sqlite = new Database(databasePath, { readonly: true });
  expect(sqlite.prepare("SELECT count(*) AS total FROM devices").get()).toEqual({ total: 20 });
  sqlite.close();
});

test("on a fresh folder, the app's connection opened after building sees the built tables", () => {
  // As `npm run bench` runs it: DATABASE_PATH is the bench file, the builder is imported first, then ~/db.server.
  const { databasePath } = benchFolder();
  const script = `(async () => {
    const { createLoadDatabase } = await import("./e2e/bench/load-database.ts");
    createLoadDatabase(process.env.DATABASE_PATH, () => {}, 20);
    const { sqlite } = await import("~/db.server");
    console.log(JSON.stringify(sqlite.prepare("SELECT count(*) AS total FROM organizations").get()));
  })();`;
  const output = execFileSync(path.resolve("node_modules/.bin/tsx"), ["--eval", script], {
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "test" },
    encoding: "utf8",
  });
  expect(JSON.parse(output.trim().split("\n").at(-1) ?? "")).toEqual({ total: 4 });
}, 30_000);
