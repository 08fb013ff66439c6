import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, test } from "vitest";
import { env } from "~/env.server";
import { verifyLedger } from "~/models/custody.server";
import { deviceInState } from "~/test/factories";
import { backUpDatabase, checkDatabaseFile, fileTimestamp, isOpenElsewhere, restoreDatabase } from "./backup";

const folder = () => mkdtempSync(path.join(tmpdir(), "circuit-backup-"));

function custodyCount(file: string): number {
  // Read-write on purpose: a read-only connection leaves -wal and -shm files behind when it closes.
  const connection = new Database(file, { fileMustExist: true });
  try {
    return Number(connection.prepare("SELECT count(*) FROM custody_events").pluck().get());
  } finally {
    connection.close();
  }
}

/** A copy of the test database made by the backup, for the restore tests. */
async function goodCopy(): Promise<string> {
  const file = path.join(folder(), "copy.db");
  const made = await backUpDatabase({ databasePath: env.DATABASE_PATH, destination: file });
  if (!made.ok) throw new Error(`backup failed: ${made.detail}`);
  return file;
}

/** A copy whose custody event 2 says another device: the append-only trigger dropped in the copy only. */
async function tamperedCopy(): Promise<string> {
  const file = await goodCopy();
  const connection = new Database(file);
  connection.exec("DROP TRIGGER custody_events_refuse_update");
  connection.prepare("UPDATE custody_events SET details = ? WHERE seq = 2").run(JSON.stringify({ note: "rewritten" }));
  connection.close();
  return file;
}

/** A database somewhere else (a stand-in for the production file), from a copy of the test database. */
async function otherDatabase(): Promise<string> {
  const target = path.join(folder(), "circuit.db");
  const made = await backUpDatabase({ databasePath: env.DATABASE_PATH, destination: target });
  if (!made.ok) throw new Error(`backup failed: ${made.detail}`);
  return target;
}

/** Runs app/test/custody-writer-child.ts: another process registering devices for `writeMs`. */
function startWriter(writeMs: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "app/test/custody-writer-child.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, WRITE_MS: String(writeMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const writing = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("writing")) resolve();
    });
    child.on("exit", () => reject(new Error(`the writer ended before writing: ${stderr}`)));
  });
  const finished = new Promise<number>((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve(Number(/registered (\d+)/.exec(stdout)?.[1])) : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
  return { writing, finished };
}

beforeAll(() => {
  for (let index = 0; index < 3; index += 1) deviceInState("listed");
});

describe("backUpDatabase", () => {
  test("copies while another process writes in a loop: each copy passes integrity_check and its custody chain verifies", async () => {
    const before = verifyLedger();
    const writer = startWriter(2500);
    await writer.writing;

    const directory = folder();
    const copies: { count: number; sizeBytes: number }[] = [];
    for (let index = 0; index < 4; index += 1) {
      const made = await backUpDatabase({ databasePath: env.DATABASE_PATH, destination: path.join(directory, `copy-${index}.db`) });
      expect(made, `backup ${index}`).toMatchObject({ ok: true, chain: { intact: true } });
      if (!made.ok) return;
      copies.push({ count: made.chain.count, sizeBytes: made.sizeBytes });
      expect(made.sizeBytes).toBe(statSync(made.file).size);
      // Checked again from scratch, as a restore would.
      expect(checkDatabaseFile(made.file)).toEqual({ ok: true, chain: made.chain });
    }
    const registered = await writer.finished;
    const after = verifyLedger();

    expect(registered).toBeGreaterThan(0);
    expect(after).toMatchObject({ intact: true, count: before.count + registered });
    // The copies were made while the chain grew: each holds more than before and less than at the end.
    for (const copy of copies) {
      expect(copy.count).toBeGreaterThan(before.count);
      expect(copy.count).toBeLessThan(after.count);
    }
    expect(new Set(copies.map((copy) => copy.count)).size).toBeGreaterThan(1);
    // Only the copies: no partial files or logs left in the folder.
    expect(readdirSync(directory).sort()).toEqual(["copy-0.db", "copy-1.db", "copy-2.db", "copy-3.db"]);
  }, 30_000);

  test("refuses to replace an existing file unless forced, and leaves that file as it was", async () => {
    const destination = path.join(folder(), "daily.db");
    writeFileSync(destination, "yesterday's backup");

    expect(await backUpDatabase({ databasePath: env.DATABASE_PATH, destination })).toMatchObject({ ok: false, problem: "exists" });
    expect(readFileSync(destination, "utf8")).toBe("yesterday's backup");

    const forced = await backUpDatabase({ databasePath: env.DATABASE_PATH, destination, force: true });
    expect(forced).toMatchObject({ ok: true, chain: { intact: true, count: verifyLedger().count } });
    expect(checkDatabaseFile(destination).ok).toBe(true);
  });

  test("refuses a database that does not exist, and to copy a database onto itself", async () => {
    const missing = path.join(folder(), "none.db");
    expect(await backUpDatabase({ databasePath: missing, destination: path.join(folder(), "copy.db") })).toMatchObject({ ok: false, problem: "no-database" });
    expect(existsSync(missing)).toBe(false);
    expect(await backUpDatabase({ databasePath: env.DATABASE_PATH, destination: env.DATABASE_PATH, force: true })).toMatchObject({
      ok: false,
      problem: "exists",
    });
  });
});

describe("checkDatabaseFile", () => {
  test("names what is wrong: missing, not a database, not Circuit's, damaged, a broken chain", async () => {
    const directory = folder();
    expect(checkDatabaseFile(path.join(directory, "none.db"))).toMatchObject({ ok: false, problem: "missing" });

    const text = path.join(directory, "notes.txt");
    writeFileSync(text, "these are not the pages you are looking for\n".repeat(200));
    expect(checkDatabaseFile(text)).toMatchObject({ ok: false, problem: "not-a-database" });

    const foreign = path.join(directory, "foreign.db");
    const connection = new Database(foreign);
    connection.exec("CREATE TABLE notes (text TEXT)");
    connection.close();
    expect(checkDatabaseFile(foreign)).toMatchObject({ ok: false, problem: "not-circuit" });

    const damaged = await goodCopy();
    // Pages 3 to 6 (SQLite's default page size) overwritten with noise: the b-trees stored there no longer make sense.
    const pageSize = 4096;
    const descriptor = openSync(damaged, "r+");
    writeSync(descriptor, Buffer.alloc(pageSize * 4, 0x5a), 0, pageSize * 4, pageSize * 2);
    closeSync(descriptor);
    expect(checkDatabaseFile(damaged)).toMatchObject({ ok: false, problem: "integrity" });

    const tampered = await tamperedCopy();
    expect(checkDatabaseFile(tampered)).toMatchObject({ ok: false, problem: "chain-broken", detail: expect.stringContaining("event 2") });
  });
});

describe("restoreDatabase", () => {
  test("puts a good copy in place and keeps the database it replaces", async () => {
    const target = await otherDatabase();
    const targetCount = custodyCount(target);
    deviceInState("registered");
    const copy = await goodCopy();
    const copyCount = custodyCount(copy);
    expect(copyCount).toBeGreaterThan(targetCount);
    const now = new Date("2025-03-01T02:00:00.123Z");

    const restored = restoreDatabase({ copy, databasePath: target, now });
    expect(restored).toEqual({
      ok: true,
      databasePath: target,
      keptAs: `${target}.before-restore-20250301T020000Z`,
      chain: { intact: true, count: copyCount, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(custodyCount(target)).toBe(copyCount);
    expect(custodyCount(`${target}.before-restore-20250301T020000Z`)).toBe(targetCount);
    expect(checkDatabaseFile(target).ok).toBe(true);
    // The file given is left as it was, and nothing but the two databases remains.
    expect(checkDatabaseFile(copy).ok).toBe(true);
    expect(readdirSync(path.dirname(target)).sort()).toEqual(["circuit.db", "circuit.db.before-restore-20250301T020000Z"]);
  });

  test("restores onto a database that crashed: what only its write-ahead log held stays in the file kept aside", async () => {
    const directory = folder();
    const target = path.join(directory, "circuit.db");
    // The state a crash leaves: the database file with a -wal that was never checkpointed into it.
    const live = new Database(target);
    live.pragma("journal_mode = WAL");
    live.pragma("wal_autocheckpoint = 0");
    live.exec("CREATE TABLE custody_events (seq INTEGER PRIMARY KEY)");
    live.exec("INSERT INTO custody_events (seq) VALUES (1), (2), (3)");
    const crashed = path.join(folder(), "crashed");
    for (const suffix of ["", "-wal"]) writeFileSync(`${crashed}${suffix}`, readFileSync(`${target}${suffix}`));
    live.close();
    for (const suffix of ["", "-wal"]) writeFileSync(`${target}${suffix}`, readFileSync(`${crashed}${suffix}`));
    expect(statSync(`${target}-wal`).size).toBeGreaterThan(0);

    const restored = restoreDatabase({ copy: await goodCopy(), databasePath: target, now: new Date("2025-03-02T02:00:00Z") });
    expect(restored).toMatchObject({ ok: true, keptAs: `${target}.before-restore-20250302T020000Z` });
    expect(custodyCount(`${target}.before-restore-20250302T020000Z`)).toBe(3);
    expect(custodyCount(target)).toBe(verifyLedger().count);
    expect(existsSync(`${target}-wal`)).toBe(false);
  });

  test("refuses a copy with a tampered custody event, and changes nothing", async () => {
    const target = await otherDatabase();
    const before = readFileSync(target);
    const restored = restoreDatabase({ copy: await tamperedCopy(), databasePath: target });
    expect(restored).toMatchObject({ ok: false, problem: "chain-broken", detail: expect.stringContaining("BROKEN at event 2") });
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(target))).toEqual(["circuit.db"]);
  });

  test("refuses a file that is not an SQLite database, and a copy that is not there", async () => {
    const target = await otherDatabase();
    const notes = path.join(folder(), "circuit.db");
    writeFileSync(notes, "SQLite format 2\0 but not really\n".repeat(100));
    expect(restoreDatabase({ copy: notes, databasePath: target })).toMatchObject({ ok: false, problem: "not-a-database" });
    expect(restoreDatabase({ copy: path.join(folder(), "none.db"), databasePath: target })).toMatchObject({ ok: false, problem: "missing" });
    expect(readdirSync(path.dirname(target))).toEqual(["circuit.db"]);
    expect(checkDatabaseFile(target).ok).toBe(true);
  });

  test("refuses while another process has the database open (the server), and goes ahead once it is closed", async () => {
    const target = await otherDatabase();
    const copy = await goodCopy();
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]); db.prepare("SELECT 1").get(); console.log("open"); setInterval(() => {}, 1000);`,
        target,
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    try {
      expect(isOpenElsewhere(target)).toBe(true);
      expect(restoreDatabase({ copy, databasePath: target })).toMatchObject({
        ok: false,
        problem: "in-use",
        detail: expect.stringContaining("stop the server"),
      });
      expect(readdirSync(path.dirname(target)).filter((name) => name.includes("restor"))).toEqual([]);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    expect(isOpenElsewhere(target)).toBe(false);
    expect(restoreDatabase({ copy, databasePath: target })).toMatchObject({ ok: true });
  });
});

test("timestamps in file names sort in time order and hold no colons", () => {
  expect(fileTimestamp(new Date("2025-12-31T23:59:59.999Z"))).toBe("20251231T235959Z");
  expect(fileTimestamp(new Date("2025-01-02T03:04:05Z"))).toBe("20250102T030405Z");
});
