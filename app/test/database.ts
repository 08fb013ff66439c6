// Database helpers for model tests: forcing a failure inside a transaction, and a second writer.
import { spawn } from "node:child_process";
import { sqlite } from "~/db.server";

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
