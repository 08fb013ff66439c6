// Reads a log written by nwipe, the open-source disk wiper that ShredOS boots into, and turns every
// drive it wiped into one record a wipe certificate can rest on. Pure: text in, drives out, no throw.
//
// Every pattern below follows what nwipe's own source prints (github.com/martijnvanbrummelen/nwipe):
//   src/logging.c  nwipe_log()          "[%i/%02i/%02i %02i:%02i:%02i] " + a label padded to 7 + ": "
//   src/logging.c  nwipe_log_summary()  the Error Summary and Drive Status tables, "Total Throughput"
//   src/nwipe.c    main()               banner, "%s has serial number %s", "%s, sect/blk/dev ...",
//                                       "Nwipe exited with errors on device = %s, ..."
//   src/device.c   check_device()       "Found %s, %s, %s, %s, S/N=%s"
//   src/method.c   nwipe_runmethod()    "Invoking method '%s' on %s", rounds, passes, blanking, errors
//   src/options.c  nwipe_options_log()  the options manifest (method, rounds, verify, blanking)
//   src/miscellaneous.c nwipe_strip_path() how tables shorten "/dev/sda" to "sda" (last 8 characters)
// ShredOS (github.com/PartialVolume/shredos.x86_64, package/nwipe/002-nwipe-banner-patch.sh) swaps
// nwipe's banner "nwipe 0.34" for "ShredOS v" + its version.txt, e.g. "ShredOS v2023.08.2_25.0_x86-64_0.34".

export type NwipeDrive = {
  device: string | null;
  model: string | null;
  serial: string | null;
  sizeBytes: number | null;
  /** Decimal gigabytes, rounded: from the exact byte count when logged, else from nwipe's "500 GB". */
  capacityGb: number | null;
  /** nwipe's method label as printed, e.g. "DoD Short". */
  method: string;
  technique: "overwrite";
  nistMethod: "clear";
  rounds: number | null;
  /** nwipe reads the whole drive back whenever it verifies; it never samples. */
  verification: "none" | "sample" | "full";
  /** Whether the wipe ends with nwipe's zero-fill "blanking" pass: seen in the log, else as configured. */
  blanking: boolean | null;
  status: "erased" | "failed" | "aborted";
  result: "pass" | "fail";
  /** Pass + verification + fdatasync errors, as nwipe counted them. */
  errors: number;
  /** Local time of the machine that ran nwipe, without offset: nwipe logs no time zone. */
  startedAt: string | null;
  finishedAt: string | null;
  tool: "nwipe";
  toolVersion: string | null;
};

export type NwipeLogParse = { ok: true; drives: NwipeDrive[]; warnings: string[] } | { ok: false; problems: string[] };

type Status = NwipeDrive["status"];
type VerifyMode = "off" | "last" | "all";

type FoundDevice = { model: string; sizeText: string; serial: string };
type ErrorRow = { name: string; total: number };
type StatusRow = { name: string; status: string; seconds: number; model: string; serial: string };
type Footer = { method: string; rounds: number; blanking: boolean; verify: VerifyMode };

type DriveEvidence = {
  device: string | null;
  /** The name nwipe prints in its tables: the last 8 characters after the last "/". */
  tableName: string;
  serial: string | null;
  sizeBytes: number | null;
  method: string | null;
  rounds: number | null;
  blanked: boolean;
  startedAt: string | null;
  lastActivityAt: string | null;
  countedErrors: number;
  exitedWithErrors: boolean;
  errorRow: ErrorRow | null;
  statusRow: StatusRow | null;
};

type Run = {
  banner: string | null;
  bannerOption: string | null;
  found: Map<string, FoundDevice>;
  drives: Map<string, DriveEvidence>;
  errorRows: ErrorRow[];
  statusRows: StatusRow[];
  footer: Footer | null;
  options: { seen: boolean; method: string | null; rounds: number | null; verify: VerifyMode | null; noblank: boolean };
  abortedBeforeStart: boolean;
};

/**
 * The longest line read, in characters. nwipe cuts every line it logs at logging.h MAX_LOG_LINE_CHARS (512, 1024
 * in newer releases); 4096 leaves room for a terminal prompt or other junk around a line. A longer line is none
 * nwipe wrote, so such a file is refused; the cap also bounds what any pattern below ever has to look at.
 */
export const MAX_LINE_CHARS = 4096;

// Every pattern below is anchored or starts at a fixed character, and in none can two unbounded
// quantifiers next to each other take the same characters, so matching a line costs time in proportion
// to its length. Tables are cut at "|" with split() instead of being matched whole. A pattern that breaks this rule can make a
// few hundred bytes take minutes (issue 9): keep to it, and keep the timing test in nwipe-log.test.ts.

// logging.c nwipe_log(): the date as "[%i/%02i/%02i %02i:%02i:%02i] ", then the level label left-padded
// to seven ("  debug", "   info", " notice", "warning", "  error", "  fatal", " sanity") and ": ".
// nwipe up to 0.24 printed "] nwipe: notice: " instead; both are read. The stamp is searched for, so a
// prompt or other junk before it on the same line does not hide the line.
const STAMP = /\[(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\]/g;
const LEVEL_LABEL = / +(?:nwipe: +)?(?:debug|info|notice|warning|error|fatal|sanity): ?/y;
// logging.c nwipe_log_summary(): "[%i/%02i/%02i %02i:%02i:%02i] Total Throughput %s/s, %s, %iR+%s+%s"
// with the method label, rounds, B/NB (blank or not) and NV/VL/VA (verify none, last, all).
const FOOTER_START = " Total Throughput ";
const FOOTER_SETTINGS = /^(\d+)R\+(NB|B)\+(NV|VL|VA)$/;

// logging.c nwipe_log_summary(): section titles between asterisks, rows "%s %s |  %10llu | ..." and
// "%s %s |%s| %s/s | %02i:%02i:%02i | %s/%s" (flag, device, status, throughput, duration, model/serial).
const ONLY_ASTERISKS = /^\*+$/;
const ONLY_DASHES_AND_SPACE = /^[\s-]*$/;
const TABLE_HEADER = /Device\s*\|/;
const DIGITS = /^\d+$/;
const WHITE_SPACE = /^\s$/;
const DURATION = /^(\d+):(\d{2}):(\d{2})$/;

// nwipe.c main() logs nwipe's banner ("nwipe 0.34") right after reading the options; ShredOS's patch
// makes it "ShredOS v2023.08.2_25.0_x86-64_0.34", where the part after the architecture is nwipe's version.
const BANNER = /^(nwipe|ShredOS) +v?(\d\S*)\s*$/i;
const SHREDOS_NWIPE_VERSION = /_(?:x86-64|x86_64|i686|i586|aarch64|arm64)_(.+)$/;

// device.c check_device(): "Found %s, %s, %s, %s, S/N=%s" (device, bus like " ATA    ", model, size text
// from Determine_C_B_nomenclature() like " 500 GB", serial). The bus never holds a comma; the model might,
// so the size is the last one in the line.
const FOUND_START = "Found ";
const FOUND_DEVICE = /^\/\S+$/;
const FOUND_SIZE = /, +(\d+ [KMGTP]?B), S\/N=/g;
// nwipe.c main(), for the drives chosen for wiping only.
const SERIAL_LINE = /^(\/\S+) has serial number (.*)$/;
const SIZE_LINE = /^(\/\S+), sect\/blk\/dev (\d+)\/(\d+)\/(\d+)$/;
const EXITED_WITH_ERRORS_LINE = /^Nwipe exited with errors on device = (\/[^\s,]+)/;
const ABORTED_BEFORE_START_LINE = /^Nwipe was aborted by the user prior to the wipe starting/;
// method.c nwipe_runmethod(). nwipe up to 0.24 wrote "on device '/dev/sdb'." instead of "on /dev/sdb".
const INVOKING_LINE = /^Invoking method '(.+)' on (?:device )?'?(\/[^\s']+?)'?\.?$/;
const ROUND_LINE = /^Starting round (\d+) of (\d+) on (?:device )?'?(\/[^\s']+?)'?\.?$/;
const BLANKING_LINE = /^Blanking device '?(\/[^\s']+?)'?\.?$/;
const ERROR_COUNT_LINE = /^(\d+) (?:verification|wipe|sync) errors on '(\/[^']+)'\.?$/;
// Lines a wipe thread writes while it works; the first path in them names its drive.
const PROGRESS_LINE = new RegExp(
  String.raw`^(?:Starting pass|Finished pass|Finished round|Finished final round|Verifying|Verified|` +
    String.raw`Writing final random pattern|\[SUCCESS\]|\[FAILURE\]|\d+ bytes (?:written to|read from))`,
);
const DEVICE_TOKEN = /(?:^|[\s'"])(\/[^\s'",]*[^\s'",.])/;
// options.c nwipe_options_log(), written just before the wipe starts (after any choices in the GUI).
const OPTIONS_HEADER = /^Program options are set as follows/;
const METHOD_OPTION = /^\s*method\s+=\s+(\S.*)$/;
const ROUNDS_OPTION = /^\s*rounds\s+=\s+(\d+)/;
const VERIFY_OPTION = /^\s*verify\s+=\s+\d+\s+\((off|last pass|all passes)\)/;
const NOBLANK_OPTION = /^\s*do not perform a final blank pass/;
const BANNER_OPTION = /^\s*banner\s+=\s+(\S.*)$/;

// method.c: the verify-only methods read the drive and write nothing; OPS-II ends on a random pass
// and never blanks. Newer nwipe adds firmware erase commands, which are not overwrites at all.
const VERIFY_ONLY_METHOD = /^Verify (Zeros|Ones)/i;
const OPS2_METHOD = /OPS-II/i;
const FIRMWARE_METHOD = /^(Secure Erase|Sanitize)/i;

// ANSI colour and cursor codes (a captured terminal, `script`, a coloured `less`) start with ESC.
// eslint-disable-next-line no-control-regex -- matching the ESC control character is the point here
const ANSI_ESCAPE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[()#][0-9A-Za-z]|[@-Z\\-_])/g;

export function parseNwipeLog(text: string): NwipeLogParse {
  try {
    return parseText(text);
  } catch (error) {
    // The text comes from uploads, so a bug here must become a refusal, not a crashed request.
    return refuse(`The log could not be read (${error instanceof Error ? error.message : "unknown error"})`);
  }
}

function parseText(text: string): NwipeLogParse {
  if (typeof text !== "string" || text.trim() === "") return refuse("The log is empty");
  if (looksBinary(text)) return refuse("The file holds binary data, not a text log");

  const lines = nwipeLogLines(text);
  const tooLong = lines.findIndex((line) => line.length > MAX_LINE_CHARS);
  if (tooLong !== -1) {
    return refuse(
      `Line ${tooLong + 1} is ${lines[tooLong]?.length} characters long; nwipe writes at most 1024 characters a line, ` +
        `so a line over ${MAX_LINE_CHARS} means this is not a log nwipe wrote`,
    );
  }
  const { runs, recognised } = readRuns(lines);
  if (!recognised) return refuse("No nwipe log lines found: this does not look like a log written by nwipe or ShredOS");

  const problems: string[] = [];
  const warnings: string[] = [];
  const drives: NwipeDrive[] = [];
  for (const run of runs) {
    for (const evidence of evidenceOf(run)) {
      const drive = assembleDrive(run, evidence, problems, warnings);
      if (drive) drives.push(drive);
    }
  }
  if (drives.length === 0 && problems.length === 0) {
    problems.push(
      runs.some((run) => run.abortedBeforeStart)
        ? "The log records no wipe: nwipe was stopped before the wipe started"
        : "The log records no wipe: no drive was started or listed in nwipe's summary",
    );
  }
  if (problems.length > 0) return { ok: false, problems: unique(problems) };
  return { ok: true, drives, warnings: unique(warnings) };
}

/** The log's lines as the parser reads them: without a byte-order mark and terminal colour codes. */
export function nwipeLogLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(ANSI_ESCAPE, "")
    .split(/\r\n?|\n/);
}

function refuse(problem: string): NwipeLogParse {
  return { ok: false, problems: [problem] };
}

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Tab, line feed, form feed, carriage return and ESC occur in real logs; other control codes and
    // U+FFFD (what a decoder makes of invalid UTF-8) mean the bytes were never text.
    const control = code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13 && code !== 27;
    if (control || code === 0xfffd) odd++;
  }
  return odd > Math.max(8, text.length / 100);
}

function newRun(): Run {
  return {
    banner: null,
    bannerOption: null,
    found: new Map(),
    drives: new Map(),
    errorRows: [],
    statusRows: [],
    footer: null,
    options: { seen: false, method: null, rounds: null, verify: null, noblank: false },
    abortedBeforeStart: false,
  };
}

function readRuns(lines: string[]): { runs: Run[]; recognised: boolean } {
  // `nwipe -l file` appends, so one file can hold several runs; each starts with its banner.
  let run = newRun();
  const runs: Run[] = [run];
  let recognised = false;
  let section: "none" | "errors" | "status" = "none";

  for (const raw of lines) {
    const line = raw.trimEnd();
    if (isSectionTitle(line, "Error Summary")) {
      section = "errors";
      recognised = true;
      continue;
    }
    if (isSectionTitle(line, "Drive Status")) {
      section = "status";
      recognised = true;
      continue;
    }
    const stamped = stampedLine(line);
    if (stamped?.kind === "footer") {
      recognised = true;
      run.footer = footerFrom(stamped.tail) ?? run.footer;
      continue;
    }
    if (stamped?.kind === "logged") {
      recognised = true;
      section = "none";
      const { message } = stamped;
      const banner = BANNER.exec(message.trim());
      if (banner) {
        if (run.banner !== null || run.drives.size > 0 || run.statusRows.length > 0) {
          run = newRun();
          runs.push(run);
        }
        run.banner = message.trim();
        continue;
      }
      readMessage(run, message, stamped.at);
      continue;
    }
    if (section === "none") continue;
    if (ONLY_ASTERISKS.test(line.trim())) {
      section = "none";
      continue;
    }
    if (ONLY_DASHES_AND_SPACE.test(line) || TABLE_HEADER.test(line)) continue;
    if (section === "errors") {
      const row = errorRowFrom(line);
      if (row) run.errorRows.push(row);
    } else {
      const row = statusRowFrom(line);
      if (row) run.statusRows.push(row);
    }
  }
  return { runs, recognised };
}

/** "*** Error Summary ***": the title with at least three asterisks on each side, maybe junk before. */
function isSectionTitle(line: string, title: string): boolean {
  for (let at = line.indexOf(title); at !== -1; at = line.indexOf(title, at + 1)) {
    let before = at;
    while (before > 0 && WHITE_SPACE.test(line.charAt(before - 1))) before--;
    let after = at + title.length;
    while (after < line.length && WHITE_SPACE.test(line.charAt(after))) after++;
    if (before >= 3 && line.startsWith("***", before - 3) && line.startsWith("***", after)) return true;
  }
  return false;
}

type StampedLine = { kind: "footer"; tail: string } | { kind: "logged"; message: string; at: string | null };

/** A line that holds nwipe's time stamp: the summary's footer, or a logged message with its level label. */
function stampedLine(line: string): StampedLine | null {
  let logged: StampedLine | null = null;
  STAMP.lastIndex = 0;
  for (let stamp = STAMP.exec(line); stamp !== null; stamp = STAMP.exec(line)) {
    const end = stamp.index + stamp[0].length;
    if (line.startsWith(FOOTER_START, end)) return { kind: "footer", tail: line.slice(end + FOOTER_START.length) };
    if (logged === null) {
      LEVEL_LABEL.lastIndex = end;
      if (LEVEL_LABEL.test(line)) logged = { kind: "logged", message: line.slice(LEVEL_LABEL.lastIndex), at: timeOf(stamp) };
    }
  }
  return logged;
}

function errorRowFrom(line: string): ErrorRow | null {
  // "%s %s |  %10llu |  %10llu |  %10llu": pass, verification and (newer nwipe) fdatasync errors.
  const [first = "", ...cells] = line.split("|");
  const name = deviceCell(first);
  if (cells.length > 2 && cells[cells.length - 1]?.trim() === "") cells.pop();
  const counts = cells.map((cell) => cell.trim());
  if (name === null || counts.length < 2 || counts.length > 3 || !counts.every((cell) => DIGITS.test(cell))) return null;
  return { name, total: counts.reduce((sum, cell) => sum + (safeInteger(cell) ?? 0), 0) };
}

function statusRowFrom(line: string): StatusRow | null {
  const [first = "", statusCell, , durationCell, ...modelCells] = line.split("|");
  const name = deviceCell(first);
  const duration = durationCell === undefined ? null : DURATION.exec(durationCell.trim());
  if (name === null || statusCell === undefined || duration === null || modelCells.length === 0) return null;
  // "%s/%s" with the model cut to 17 characters; serial numbers hold no "/", so split at the last one.
  const joined = modelCells.join("|");
  const modelAndSerial = /^\s/.test(joined) ? joined.slice(1) : joined;
  const slash = modelAndSerial.lastIndexOf("/");
  return {
    name,
    status: statusCell.trim(),
    seconds: count(duration, 1) * 3600 + count(duration, 2) * 60 + count(duration, 3),
    model: slash === -1 ? modelAndSerial.trim() : modelAndSerial.slice(0, slash).trim(),
    serial: slash === -1 ? "" : modelAndSerial.slice(slash + 1).trim(),
  };
}

/** The first cell of a summary row: "!" marks a drive with errors, then the name nwipe_strip_path() made. */
function deviceCell(cell: string): string | null {
  const trimmed = cell.trim();
  const name = trimmed.startsWith("!") ? trimmed.slice(1).trimStart() : trimmed;
  return name === "" || /\s/.test(name) ? null : name;
}

function readMessage(run: Run, message: string, at: string | null): void {
  const found = foundLine(message);
  if (found) {
    run.found.set(found.device, found.details);
    return;
  }
  if (OPTIONS_HEADER.test(message)) {
    run.options.seen = true;
    return;
  }
  if (ABORTED_BEFORE_START_LINE.test(message)) {
    run.abortedBeforeStart = true;
    return;
  }
  if (run.options.seen && readOption(run, message)) return;

  const serial = SERIAL_LINE.exec(message);
  if (serial) {
    driveFor(run, group(serial, 1)).serial = group(serial, 2).trim();
    return;
  }
  const size = SIZE_LINE.exec(message);
  if (size) {
    driveFor(run, group(size, 1)).sizeBytes = safeInteger(group(size, 4));
    return;
  }
  const exited = EXITED_WITH_ERRORS_LINE.exec(message);
  if (exited) {
    // Logged by main() after every thread has ended, so it says nothing about when this drive stopped.
    driveFor(run, group(exited, 1)).exitedWithErrors = true;
    return;
  }
  const invoking = INVOKING_LINE.exec(message);
  if (invoking) {
    // The method sets the drive's start_time right before nwipe_runmethod() logs this line.
    const drive = driveFor(run, group(invoking, 2));
    drive.method = group(invoking, 1);
    drive.startedAt ??= at;
    drive.lastActivityAt = at ?? drive.lastActivityAt;
    return;
  }
  const round = ROUND_LINE.exec(message);
  if (round) {
    const drive = driveFor(run, group(round, 3));
    drive.rounds = safeInteger(group(round, 2));
    drive.startedAt ??= at;
    drive.lastActivityAt = at ?? drive.lastActivityAt;
    return;
  }
  const blanking = BLANKING_LINE.exec(message);
  if (blanking) {
    const drive = driveFor(run, group(blanking, 1));
    drive.blanked = true;
    drive.lastActivityAt = at ?? drive.lastActivityAt;
    return;
  }
  const errorCount = ERROR_COUNT_LINE.exec(message);
  if (errorCount) {
    const drive = driveFor(run, group(errorCount, 2));
    drive.countedErrors += safeInteger(group(errorCount, 1)) ?? 0;
    drive.lastActivityAt = at ?? drive.lastActivityAt;
    return;
  }
  if (PROGRESS_LINE.test(message)) {
    const device = DEVICE_TOKEN.exec(message);
    if (device) {
      const drive = driveFor(run, group(device, 1));
      drive.startedAt ??= at;
      drive.lastActivityAt = at ?? drive.lastActivityAt;
    }
  }
}

function foundLine(message: string): { device: string; details: FoundDevice } | null {
  if (!message.startsWith(FOUND_START)) return null;
  const rest = message.slice(FOUND_START.length);
  const deviceEnd = rest.indexOf(", ");
  const device = rest.slice(0, deviceEnd);
  if (deviceEnd === -1 || !FOUND_DEVICE.test(device)) return null;
  const afterDevice = rest.slice(deviceEnd + 2);
  let size: RegExpExecArray | null = null;
  for (const match of afterDevice.matchAll(FOUND_SIZE)) size = match;
  if (size === null) return null;
  const busAndModel = afterDevice.slice(0, size.index);
  const busEnd = busAndModel.indexOf(", ");
  if (busEnd === -1) return null;
  return {
    device,
    details: {
      model: busAndModel.slice(busEnd + 2).trim(),
      sizeText: group(size, 1).trim(),
      serial: afterDevice.slice(size.index + size[0].length).trim(),
    },
  };
}

function readOption(run: Run, message: string): boolean {
  const method = METHOD_OPTION.exec(message);
  if (method) {
    run.options.method = group(method, 1).trimEnd();
    return true;
  }
  const rounds = ROUNDS_OPTION.exec(message);
  if (rounds) {
    run.options.rounds = safeInteger(group(rounds, 1));
    return true;
  }
  const verify = VERIFY_OPTION.exec(message);
  if (verify) {
    const word = group(verify, 1);
    run.options.verify = word === "off" ? "off" : word === "last pass" ? "last" : "all";
    return true;
  }
  if (NOBLANK_OPTION.test(message)) {
    run.options.noblank = true;
    return true;
  }
  const banner = BANNER_OPTION.exec(message);
  if (banner) {
    run.bannerOption = group(banner, 1).trimEnd();
    return true;
  }
  return false;
}

function driveFor(run: Run, device: string): DriveEvidence {
  const known = run.drives.get(device);
  if (known) return known;
  const drive = emptyEvidence(device, tableNameOf(device));
  run.drives.set(device, drive);
  return drive;
}

function emptyEvidence(device: string | null, tableName: string): DriveEvidence {
  return {
    device,
    tableName,
    serial: null,
    sizeBytes: null,
    method: null,
    rounds: null,
    blanked: false,
    startedAt: null,
    lastActivityAt: null,
    countedErrors: 0,
    exitedWithErrors: false,
    errorRow: null,
    statusRow: null,
  };
}

// miscellaneous.c nwipe_strip_path(): keeps what follows the last "/", right-aligned in 8 characters.
function tableNameOf(device: string): string {
  return (device.split("/").pop() ?? device).slice(-8);
}

/** The drives of one run: those the log shows being wiped, then any only the summary names. */
function evidenceOf(run: Run): DriveEvidence[] {
  const drives = [...run.drives.values()];
  // Each row goes to the first drive of its name that has none yet, taken in order from a list per name.
  const awaitingStatus = inOrderByTableName(drives);
  for (const row of run.statusRows) {
    const drive = awaitingStatus(row.name);
    if (drive) drive.statusRow = row;
    else drives.push({ ...emptyEvidence(null, row.name), statusRow: row });
  }
  const awaitingErrors = inOrderByTableName(drives);
  for (const row of run.errorRows) {
    const drive = awaitingErrors(row.name);
    if (drive) drive.errorRow = row;
  }
  return drives;
}

/** Hands out the drives of each table name one by one, in order (a lookup per row, not a search). */
function inOrderByTableName(drives: DriveEvidence[]): (tableName: string) => DriveEvidence | undefined {
  const queues = new Map<string, { drives: DriveEvidence[]; next: number }>();
  for (const drive of drives) {
    const queue = queues.get(drive.tableName);
    if (queue) queue.drives.push(drive);
    else queues.set(drive.tableName, { drives: [drive], next: 0 });
  }
  return (tableName) => {
    const queue = queues.get(tableName);
    return queue === undefined ? undefined : queue.drives[queue.next++];
  };
}

function assembleDrive(run: Run, evidence: DriveEvidence, problems: string[], warnings: string[]): NwipeDrive | null {
  const label = evidence.device ?? `${evidence.tableName} (named only in the summary table)`;
  const before = problems.length;
  const found = evidence.device === null ? undefined : run.found.get(evidence.device);
  const row = evidence.statusRow;

  const serial = firstText(evidence.serial, found?.serial, row?.serial);
  if (serial === null) problems.push(`Drive ${label}: no serial number`);
  else if (/^(X{5,}|\?{5,})$/.test(serial)) {
    problems.push(`Drive ${label}: the serial number is hidden because nwipe ran with --quiet`);
  }

  // The run's footer and options hold what nwipe was set to; the per-drive lines what it actually did.
  const method = evidence.method ?? run.footer?.method ?? run.options.method;
  if (method === null) problems.push(`Drive ${label}: no wipe method recorded`);
  else if (FIRMWARE_METHOD.test(method)) {
    problems.push(`Drive ${label}: method "${method}" is a firmware erase, not an overwrite; this parser only reads overwrite wipes`);
  }
  const verifyOnly = method !== null && VERIFY_ONLY_METHOD.test(method);

  const verifyMode = run.footer?.verify ?? run.options.verify;
  if (verifyMode === null) problems.push(`Drive ${label}: the verification setting is not recorded`);

  const status = row === null ? null : statusFrom(row.status);
  if (row === null) problems.push(`Drive ${label}: no final status (the log ends before nwipe's Drive Status summary)`);
  else if (status === null) problems.push(`Drive ${label}: unknown status "${row.status}" in nwipe's summary`);

  if (problems.length > before || method === null || verifyMode === null || status === null) return null;

  // nwipe.c main(): a thread that returned an error but counted none gets one pass error, so the
  // summary shows a failure; do the same when only the log lines, not the table, survive.
  const counted = evidence.errorRow?.total ?? evidence.countedErrors;
  const errors = evidence.exitedWithErrors && counted === 0 ? 1 : counted;

  if (status.insane) warnings.push(`Drive ${label}: nwipe reported INSANITY (an internal nwipe fault); read as failed`);
  if (status.status === "failed" && errors === 0) warnings.push(`Drive ${label}: nwipe marked it failed but the log gives no error count`);
  if (verifyMode === "off" && !verifyOnly) warnings.push(`Drive ${label}: verification was off, so nwipe did not read the drive back`);
  if (verifyOnly) {
    warnings.push(`Drive ${label}: method "${method}" only reads the drive and overwrites nothing, so it cannot pass as a wipe`);
  }
  const toolVersion = toolVersionOf(run.banner ?? run.bannerOption);
  if (toolVersion === null) warnings.push("No nwipe version line found (the log may be cut at the start)");

  const sizeBytes = evidence.sizeBytes;
  return {
    device: evidence.device,
    model: firstText(found?.model, row?.model),
    serial,
    sizeBytes,
    capacityGb: sizeBytes !== null ? Math.round(sizeBytes / 1e9) : gigabytesOf(found?.sizeText),
    method,
    technique: "overwrite",
    nistMethod: "clear",
    rounds: evidence.rounds ?? run.footer?.rounds ?? run.options.rounds,
    // pass.c nwipe_static_verify()/nwipe_random_verify() read back every byte of the device. "Verify
    // last" reads the final pass (the blanking pass when there is one), "verify all" every pass: both
    // check the whole drive's final state, so both are full verification; nwipe has no sampling.
    verification: verifyMode === "off" && !verifyOnly ? "none" : "full",
    blanking: blankingOf(evidence, method, run),
    status: status.status,
    result: status.status === "erased" && errors === 0 && !verifyOnly ? "pass" : "fail",
    errors,
    startedAt: evidence.startedAt,
    // logging.c prints HH:MM:SS = end_time - start_time, nwipe's own record of when the thread stopped
    // (for an aborted wipe: when the summary was made). Without it, the thread's last progress line.
    finishedAt: evidence.startedAt !== null && row !== null ? addSeconds(evidence.startedAt, row.seconds) : evidence.lastActivityAt,
    tool: "nwipe",
    toolVersion,
  };
}

function blankingOf(evidence: DriveEvidence, method: string, run: Run): boolean | null {
  if (evidence.blanked) return true;
  // method.c nwipe_runmethod(): OPS-II leaves a random pattern and the verify methods write nothing,
  // whatever the blanking option says.
  if (OPS2_METHOD.test(method) || VERIFY_ONLY_METHOD.test(method)) return false;
  if (run.footer) return run.footer.blanking;
  return run.options.seen ? !run.options.noblank : null;
}

function statusFrom(cell: string): { status: Status; insane: boolean } | null {
  // logging.c writes " Erased ", "-FAILED-", "UABORTED" (user abort) or "INSANITY" (an nwipe bug).
  const word = cell.replace(/[^A-Za-z]/g, "").toUpperCase();
  if (word === "ERASED") return { status: "erased", insane: false };
  if (word.includes("ABORT")) return { status: "aborted", insane: false };
  if (word.startsWith("FAIL")) return { status: "failed", insane: false };
  if (word === "INSANITY") return { status: "failed", insane: true };
  return null;
}

function footerFrom(tail: string): Footer | null {
  // "120 MB/s, DoD Short, 1R+B+VL": the method label may hold ", ", the throughput and settings do not.
  const settingsStart = tail.lastIndexOf(", ");
  const methodStart = tail.indexOf(", ") + 2;
  const settings = FOOTER_SETTINGS.exec(tail.slice(settingsStart + 2).trimEnd());
  const method = tail.slice(methodStart, settingsStart);
  const rounds = settings ? safeInteger(group(settings, 1)) : null;
  if (settingsStart === -1 || method === "" || settings === null || rounds === null) return null;
  const verify = group(settings, 3);
  return {
    method,
    rounds,
    blanking: group(settings, 2) === "B",
    verify: verify === "NV" ? "off" : verify === "VL" ? "last" : "all",
  };
}

function toolVersionOf(banner: string | null): string | null {
  const match = banner === null ? null : BANNER.exec(banner);
  if (!match) return null;
  const version = group(match, 2);
  if (group(match, 1).toLowerCase() === "nwipe") return version;
  const tail = SHREDOS_NWIPE_VERSION.exec(version);
  if (!tail) return `ShredOS ${version}`;
  // "0.37-nomodeset" names a ShredOS build of nwipe 0.37; a development build keeps its commit name.
  const nwipeVersion = /^\d+(?:\.\d+)+/.exec(group(tail, 1))?.[0] ?? group(tail, 1);
  return `${nwipeVersion} (ShredOS ${version})`;
}

function gigabytesOf(sizeText: string | undefined): number | null {
  // Determine_C_B_nomenclature() prints whole decimal units: "%4llu GB" below 10 TB, then "%4llu TB".
  const match = sizeText === undefined ? null : /^(\d+) ([KMGTP]?B)$/.exec(sizeText);
  if (!match) return null;
  const perUnit: Record<string, number> = { B: 1e-9, KB: 1e-6, MB: 1e-3, GB: 1, TB: 1e3, PB: 1e6 };
  const factor = perUnit[group(match, 2)];
  return factor === undefined ? null : Math.round(Number(group(match, 1)) * factor);
}

function timeOf(match: RegExpExecArray): string | null {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = [1, 2, 3, 4, 5, 6].map((index) => count(match, index));
  // Only a real time: "2023/02/30" or "25:00:00" is junk. Checked by arithmetic, as every logged line has a stamp.
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  return `${group(match, 1)}-${group(match, 2)}-${group(match, 3)}T${group(match, 4)}:${group(match, 5)}:${group(match, 6)}`;
}

function addSeconds(stamp: string, seconds: number): string {
  // Both sides are the same wall clock; a daylight-saving change during the wipe would shift this an hour.
  return new Date(Date.parse(`${stamp}Z`) + seconds * 1000).toISOString().slice(0, 19);
}

function group(match: RegExpExecArray, index: number): string {
  return match[index] ?? "";
}

function count(match: RegExpExecArray, index: number): number {
  return safeInteger(group(match, index)) ?? 0;
}

function safeInteger(digits: string): number | null {
  const value = Number(digits);
  return digits !== "" && Number.isSafeInteger(value) ? value : null;
}

function firstText(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const text = candidate?.trim();
    if (text) return text;
  }
  return null;
}

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}
