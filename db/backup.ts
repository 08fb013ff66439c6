// Backups of the Circuit database file and restores from them (`npm run db:backup`, `npm run
// db:restore`). A copy counts only when SQLite finds it intact and its custody chain verifies.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describeVerdict, type ChainVerdict } from "~/domain/custody";
import { verifyLedgerIn } from "~/models/custody-ledger.server";

type IntactChain = Extract<ChainVerdict, { intact: true }>;

export type CopyProblem =
  /** The file is not there. */
  | "missing"
  /** The file is not an SQLite database at all. */
  | "not-a-database"
  /** An SQLite database, but not Circuit's (no custody ledger). */
  | "not-circuit"
  /** `PRAGMA integrity_check` finds damage. */
  | "integrity"
  /** The custody chain does not verify: an event was altered, removed or reordered. */
  | "chain-broken";

export type CopyCheck = { ok: true; chain: IntactChain } | { ok: false; problem: CopyProblem; detail: string };

const sqliteSidecars = ["-wal", "-shm", "-journal"] as const;

/** The most pages better-sqlite3 lets one backup step copy: all of them, for any database Circuit will have. */
const ALL_PAGES = 0x7fffffff;

/**
 * Opens the database file and checks it: SQLite's own integrity check, then the whole custody
 * chain. Leaves the file on its own (WAL folded in, no -wal or -shm beside it).
 */
export function checkDatabaseFile(file: string): CopyCheck {
  if (!existsSync(file)) return { ok: false, problem: "missing", detail: `${file} does not exist` };
  let connection: Database.Database;
  try {
    connection = new Database(file, { fileMustExist: true, timeout: 5000 });
  } catch (error) {
    return { ok: false, problem: "not-a-database", detail: messageOf(error) };
  }
  try {
    return checkOpenDatabase(connection);
  } finally {
    try {
      connection.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // Not a database, or too damaged to checkpoint: the verdict above already says so.
    }
    connection.close();
  }
}

function checkOpenDatabase(connection: Database.Database): CopyCheck {
  let problems: string[];
  try {
    problems = connection.prepare("PRAGMA integrity_check").pluck().all().map(String);
  } catch (error) {
    const notADatabase = error instanceof Error && "code" in error && error.code === "SQLITE_NOTADB";
    return { ok: false, problem: notADatabase ? "not-a-database" : "integrity", detail: messageOf(error) };
  }
  if (problems.length !== 1 || problems[0] !== "ok") return { ok: false, problem: "integrity", detail: problems.slice(0, 5).join("; ") };
  const ledger = connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'custody_events'").get();
  if (!ledger) return { ok: false, problem: "not-circuit", detail: "it has no custody_events table" };
  const chain = verifyLedgerIn(connection);
  if (!chain.intact) return { ok: false, problem: "chain-broken", detail: describeVerdict(chain) };
  return { ok: true, chain };
}

export type BackupResult =
  | { ok: true; file: string; sizeBytes: number; chain: IntactChain }
  | { ok: false; problem: "exists" | "no-database"; detail: string }
  | { ok: false; problem: CopyProblem; detail: string };

/**
 * Copies the database at `databasePath` to `destination` with SQLite's online backup API, while the
 * server keeps running. The copy is made from one read snapshot (all pages in one step), so writes
 * by the server neither wait for it nor make it start over. It is written beside the destination
 * first, checked, and only then renamed into place: a failed backup never leaves a half file under
 * the name asked for, nor replaces an earlier good one.
 */
export async function backUpDatabase(options: { databasePath: string; destination: string; force?: boolean }): Promise<BackupResult> {
  const destination = path.resolve(options.destination);
  if (!existsSync(options.databasePath)) return { ok: false, problem: "no-database", detail: `${options.databasePath} does not exist` };
  if (path.resolve(options.databasePath) === destination) return { ok: false, problem: "exists", detail: "the backup cannot replace the database itself" };
  if (existsSync(destination) && !options.force) return { ok: false, problem: "exists", detail: `${destination} already exists (use --force to replace it)` };

  mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial-${process.pid}`;
  removeDatabaseFiles(partial);
  const source = new Database(options.databasePath, { fileMustExist: true, timeout: 5000 });
  try {
    // The first step copies nothing; the answer to it makes the next step copy every page at once.
    await source.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  } finally {
    source.close();
  }

  const check = checkDatabaseFile(partial);
  if (!check.ok) {
    removeDatabaseFiles(partial);
    return check;
  }
  // A -wal or -shm left beside an older copy would be read as part of the new one.
  for (const sidecar of sqliteSidecars) rmSync(`${destination}${sidecar}`, { force: true });
  renameSync(partial, destination);
  return { ok: true, file: destination, sizeBytes: statSync(destination).size, chain: check.chain };
}

export type RestoreResult =
  { ok: true; databasePath: string; keptAs: string | null; chain: IntactChain } | { ok: false; problem: CopyProblem | "in-use"; detail: string };

/**
 * Puts a checked copy in place of the database at `databasePath`. Refuses a copy that is damaged or
 * whose custody chain does not verify, and refuses while another process (the server) has the
 * database open. The current database is kept beside it as `<name>.before-restore-<time>`.
 */
export function restoreDatabase(options: { copy: string; databasePath: string; now?: Date }): RestoreResult {
  if (!existsSync(options.copy)) return { ok: false, problem: "missing", detail: `${options.copy} does not exist` };
  const stamp = fileTimestamp(options.now ?? new Date());
  const target = path.resolve(options.databasePath);
  mkdirSync(path.dirname(target), { recursive: true });

  // Checked as a copy in the database's own folder, so that putting it in place is one atomic rename
  // and the file given stays exactly as it was.
  const staging = `${target}.restoring-${stamp}`;
  removeDatabaseFiles(staging);
  copyFileSync(options.copy, staging);
  if (existsSync(`${options.copy}-wal`)) copyFileSync(`${options.copy}-wal`, `${staging}-wal`);
  const check = checkDatabaseFile(staging);
  if (!check.ok) {
    removeDatabaseFiles(staging);
    return check;
  }

  let keptAs: string | null = null;
  if (existsSync(target)) {
    if (isOpenElsewhere(target)) {
      removeDatabaseFiles(staging);
      return { ok: false, problem: "in-use", detail: `${target} is open in another process: stop the server first` };
    }
    keptAs = `${target}.before-restore-${stamp}`;
    renameSync(target, keptAs);
    // The log goes with the file it belongs to: replayed onto the restored copy it would corrupt it.
    for (const sidecar of ["-wal", "-journal"]) if (existsSync(`${target}${sidecar}`)) renameSync(`${target}${sidecar}`, `${keptAs}${sidecar}`);
  }
  rmSync(`${target}-shm`, { force: true });
  renameSync(staging, target);
  return { ok: true, databasePath: target, keptAs, chain: check.chain };
}

/**
 * Whether another connection has the database open. A connection in WAL mode holds a shared lock
 * for as long as it is open, so an exclusive lock cannot be had while the server runs. A file too
 * damaged to lock is not in use by a working server, and is kept aside like any other.
 */
export function isOpenElsewhere(file: string): boolean {
  const connection = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    connection.pragma("locking_mode = EXCLUSIVE");
    connection.exec("BEGIN EXCLUSIVE");
    connection.exec("COMMIT");
    // Folds any log left by a crash into the file that is kept aside.
    connection.pragma("wal_checkpoint(TRUNCATE)");
    return false;
  } catch (error) {
    return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");
  } finally {
    connection.close();
  }
}

function removeDatabaseFiles(file: string): void {
  rmSync(file, { force: true });
  for (const sidecar of sqliteSidecars) rmSync(`${file}${sidecar}`, { force: true });
}

/** 2025-03-01T02:00:00.123Z → 20250301T020000Z: sortable, and safe in a file name everywhere. */
export function fileTimestamp(moment: Date): string {
  return moment
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
