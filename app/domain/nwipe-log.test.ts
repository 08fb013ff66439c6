import fc from "fast-check";
import { describe, expect, test } from "vitest";
import notNwipe from "./fixtures/nwipe/not-nwipe.log?raw";
import prngVerifyAll from "./fixtures/nwipe/nwipe-prng-verify-all-three-rounds.log?raw";
import zerosThreeDrives from "./fixtures/nwipe/nwipe-zeros-three-drives.log?raw";
import abortedByUser from "./fixtures/nwipe/shredos-aborted-by-user.log?raw";
import dodShortSingle from "./fixtures/nwipe/shredos-dodshort-single.log?raw";
import { MAX_LINE_CHARS, parseNwipeLog, type NwipeDrive, type NwipeLogParse } from "./nwipe-log";

// The fields every nwipe record shares: nwipe only overwrites, which NIST SP 800-88 calls "clear".
const overwrite = { technique: "overwrite", nistMethod: "clear", tool: "nwipe" } as const;

const dodShortDrive: NwipeDrive = {
  ...overwrite,
  device: "/dev/sda",
  model: "WDC WD5000AAKX-08U6AA0",
  serial: "WD-WCC2E1234567",
  sizeBytes: 500107862016,
  capacityGb: 500,
  method: "DoD Short",
  rounds: 1,
  verification: "full",
  blanking: true,
  status: "erased",
  result: "pass",
  errors: 0,
  startedAt: "2023-10-14T09:12:40",
  finishedAt: "2023-10-14T14:58:02",
  toolVersion: "0.34 (ShredOS 2023.08.2_25.0_x86-64_0.34)",
};

function drivesOf(parse: NwipeLogParse): NwipeDrive[] {
  if (!parse.ok) throw new Error(`expected a parsed log, got problems: ${parse.problems.join("; ")}`);
  return parse.drives;
}

function warningsOf(parse: NwipeLogParse): string[] {
  if (!parse.ok) throw new Error(`expected a parsed log, got problems: ${parse.problems.join("; ")}`);
  return parse.warnings;
}

function problemsOf(parse: NwipeLogParse): string[] {
  if (parse.ok) throw new Error("expected the log to be refused");
  return parse.problems;
}

/** The same log as a terminal capture would hold it: CRLF, colours, a BOM, a prompt and junk around it. */
function asTerminalCapture(log: string): string {
  const coloured = log
    .replace(/\[\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\]/g, (stamp) => `\u001b[2m${stamp}\u001b[0m`)
    .replace(/(notice|info|warning|error|fatal):/g, (label) => `\u001b[1;33m${label}\u001b[0m`)
    .replace(/-FAILED-|UABORTED/g, (status) => `\u001b[31m${status}\u001b[39m`);
  const text = [
    '\u001b[?1049h\u001b[H\u001b[2JScript started on 2024-03-02 08:00:00+01:00 [TERM="xterm-256color"]',
    "root@shredos:~# cat nwipe_log.txt",
    coloured,
    "root@shredos:~# \u001b]0;shredos\u0007exit",
  ].join("\n");
  return `\uFEFF${text.replace(/\n/g, "\r\n")}`;
}

describe("a single drive wiped by ShredOS with DoD Short, verify last and blanking", () => {
  test("reads every field of the drive", () => {
    expect(parseNwipeLog(dodShortSingle)).toEqual({ ok: true, drives: [dodShortDrive], warnings: [] });
  });

  test("the boot stick that was found but not selected is not reported", () => {
    expect(drivesOf(parseNwipeLog(dodShortSingle)).map((drive) => drive.device)).toEqual(["/dev/sda"]);
  });
});

describe("three drives wiped at once with different outcomes", () => {
  const base = {
    ...overwrite,
    method: "Fill With Zeros",
    rounds: 1,
    verification: "full",
    blanking: false,
    startedAt: "2024-03-02T08:00:05",
    toolVersion: "0.35",
  } as const;

  test("each drive gets its own status, errors and end time", () => {
    expect(parseNwipeLog(zerosThreeDrives)).toEqual({
      ok: true,
      warnings: [],
      drives: [
        {
          ...base,
          device: "/dev/sda",
          model: "ST1000DM010-2EP102",
          serial: "Z9A1B2C3",
          sizeBytes: 1000204886016,
          capacityGb: 1000,
          status: "failed",
          result: "fail",
          // One fdatasync error, plus the pass error nwipe adds to any thread that returned an error.
          errors: 2,
          finishedAt: "2024-03-02T08:10:17",
        },
        {
          ...base,
          device: "/dev/sdb",
          model: "TOSHIBA MQ01ABD100",
          serial: "X3T1PABCD",
          sizeBytes: 1000204886016,
          capacityGb: 1000,
          status: "failed",
          result: "fail",
          errors: 13,
          finishedAt: "2024-03-02T13:01:20",
        },
        {
          ...base,
          device: "/dev/nvme0n1",
          model: "Samsung SSD 970 EVO Plus 500GB",
          serial: "S4EVNX0N123456A",
          sizeBytes: 500107862016,
          capacityGb: 500,
          status: "erased",
          result: "pass",
          errors: 0,
          finishedAt: "2024-03-02T08:08:02",
        },
      ],
    });
  });

  test("without the Error Summary table, the error lines are counted instead", () => {
    const withoutTable = zerosThreeDrives.replace(/\*+ Error Summary \*+[\s\S]*?\n\*+\n/, "");
    expect(withoutTable).not.toContain("Error Summary");
    // sda: nwipe's "exited with errors" line alone means at least one error; sdb: "12 verification errors".
    expect(drivesOf(parseNwipeLog(withoutTable)).map((drive) => [drive.device, drive.status, drive.errors])).toEqual([
      ["/dev/sda", "failed", 1],
      ["/dev/sdb", "failed", 12],
      ["/dev/nvme0n1", "erased", 0],
    ]);
  });
});

describe("PRNG Stream, verify all, three rounds", () => {
  test("reads the method, rounds and verification", () => {
    expect(parseNwipeLog(prngVerifyAll)).toEqual({
      ok: true,
      warnings: [],
      drives: [
        {
          ...overwrite,
          device: "/dev/sdc",
          model: "KINGSTON SA400S37240G",
          serial: "50026B7782ABCDEF",
          sizeBytes: 240057409536,
          capacityGb: 240,
          method: "PRNG Stream",
          rounds: 3,
          verification: "full",
          blanking: true,
          status: "erased",
          result: "pass",
          errors: 0,
          startedAt: "2024-06-18T14:02:11",
          finishedAt: "2024-06-18T15:09:43",
          toolVersion: "0.36",
        },
      ],
    });
  });
});

describe("a wipe the user aborted", () => {
  test("the unfinished drive is aborted and fails; the drive that finished first is erased", () => {
    const shared = {
      ...overwrite,
      method: "DoD 5220.22-M",
      rounds: 1,
      verification: "full",
      blanking: true,
      errors: 0,
      startedAt: "2024-09-03T10:21:30",
      toolVersion: "0.37 (ShredOS 2024.02.2_26.0_x86-64_0.37)",
    } as const;
    expect(parseNwipeLog(abortedByUser)).toEqual({
      ok: true,
      warnings: [],
      drives: [
        {
          ...shared,
          device: "/dev/sda",
          model: "ST500LM012 HN-M500MBB",
          serial: "S2ZXJ9ABC12345",
          sizeBytes: 500107862016,
          capacityGb: 500,
          status: "aborted",
          result: "fail",
          // nwipe ends an aborted wipe's clock when it writes the summary.
          finishedAt: "2024-09-03T12:20:16",
        },
        {
          ...shared,
          device: "/dev/sdb",
          model: "SanDisk SD8SBAT128G1122",
          serial: "162343401234",
          sizeBytes: 128035676160,
          capacityGb: 128,
          status: "erased",
          result: "pass",
          finishedAt: "2024-09-03T11:08:50",
        },
      ],
    });
  });
});

describe("text that is not a usable nwipe log is refused with a reason", () => {
  const notNwipeProblem = "No nwipe log lines found: this does not look like a log written by nwipe or ShredOS";
  test.each([
    ["an empty file", "", "The log is empty"],
    ["only white space", " \r\n\t\n", "The log is empty"],
    ["binary data", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000", "The file holds binary data, not a text log"],
    ["mangled bytes", "\uFFFD".repeat(40) + "abc", "The file holds binary data, not a text log"],
    ["kernel messages and shred output", notNwipe, notNwipeProblem],
    ["a JSON report", '{"drives":[{"serial":"WD-1","status":"Erased"}]}', notNwipeProblem],
    [
      "a long line of junk",
      `[2023/10/14 09:12:40]  notice: Found /dev/sda, ${"x, ".repeat(50_000)}`,
      "Line 1 is 150047 characters long; nwipe writes at most 1024 characters a line, so a line over 4096 means this is not a log nwipe wrote",
    ],
  ])("%s", (_name, text, problem) => {
    expect(parseNwipeLog(text)).toEqual({ ok: false, problems: [problem] });
  });

  test("a log cut off before the summary names the drive without a final status", () => {
    const cut = dodShortSingle.slice(0, dodShortSingle.indexOf("******"));
    expect(problemsOf(parseNwipeLog(cut))).toEqual(["Drive /dev/sda: no final status (the log ends before nwipe's Drive Status summary)"]);
  });

  test("a run stopped before any wipe started records no drive", () => {
    const header = dodShortSingle.slice(0, dodShortSingle.indexOf("[2023/10/14 09:12:40]"));
    const stopped = `${header}[2023/10/14 09:07:02]    info: Nwipe was aborted by the user prior to the wipe starting.\n`;
    expect(problemsOf(parseNwipeLog(stopped))).toEqual(["The log records no wipe: nwipe was stopped before the wipe started"]);
  });

  test("a drive without a serial number", () => {
    const noSerial = dodShortSingle
      .replace(/.*has serial number.*\n/, "")
      .replace("S/N=WD-WCC2E1234567", "S/N=")
      .replace("/WD-WCC2E1234567", "/");
    expect(problemsOf(parseNwipeLog(noSerial))).toEqual(["Drive /dev/sda: no serial number"]);
  });

  test("serial numbers hidden by nwipe --quiet", () => {
    const quiet = zerosThreeDrives.replaceAll("X3T1PABCD", "XXXXXXXXXXXXXXX");
    expect(problemsOf(parseNwipeLog(quiet))).toEqual(["Drive /dev/sdb: the serial number is hidden because nwipe ran with --quiet"]);
  });

  test("a firmware erase method is not passed off as an overwrite", () => {
    const firmware = dodShortSingle.replaceAll("DoD Short", "Secure Erase (ATA/NVMe)");
    expect(problemsOf(parseNwipeLog(firmware))).toEqual([
      'Drive /dev/sda: method "Secure Erase (ATA/NVMe)" is a firmware erase, not an overwrite; this parser only reads overwrite wipes',
    ]);
  });
});

describe("settings that change the outcome", () => {
  test("verification off maps to none and is warned about", () => {
    const unverified = dodShortSingle.replace("1 (last pass)", "0 (off)").replace("1R+B+VL", "1R+B+NV");
    const parse = parseNwipeLog(unverified);
    expect(drivesOf(parse)).toEqual([{ ...dodShortDrive, verification: "none" }]);
    expect(warningsOf(parse)).toEqual(["Drive /dev/sda: verification was off, so nwipe did not read the drive back"]);
  });

  test("a verify-only method never passes as a wipe", () => {
    const verifyOnly = zerosThreeDrives.replaceAll("Fill With Zeros", "Verify Zeros (0x00)");
    const parse = parseNwipeLog(verifyOnly);
    const nvme = drivesOf(parse).find((drive) => drive.device === "/dev/nvme0n1");
    expect(nvme).toMatchObject({ method: "Verify Zeros (0x00)", status: "erased", errors: 0, result: "fail", blanking: false });
    expect(warningsOf(parse)).toContain(
      'Drive /dev/nvme0n1: method "Verify Zeros (0x00)" only reads the drive and overwrites nothing, so it cannot pass as a wipe',
    );
  });

  test("INSANITY in the summary reads as failed, with a warning", () => {
    const insane = dodShortSingle.replace("| Erased |", "|INSANITY|");
    const parse = parseNwipeLog(insane);
    expect(drivesOf(parse)).toEqual([{ ...dodShortDrive, status: "failed", result: "fail" }]);
    expect(warningsOf(parse)).toEqual([
      "Drive /dev/sda: nwipe reported INSANITY (an internal nwipe fault); read as failed",
      "Drive /dev/sda: nwipe marked it failed but the log gives no error count",
    ]);
  });

  test("without the summary footer, the options manifest gives rounds, verification and blanking", () => {
    const noFooter = prngVerifyAll.replace(/.*Total Throughput.*\n/, "").replace("Blanking device", "Blanking disk");
    expect(drivesOf(parseNwipeLog(noFooter))[0]).toMatchObject({ rounds: 3, verification: "full", blanking: true });
  });

  test("a log without a version line still parses, with a warning", () => {
    const noVersion = prngVerifyAll.replace(/.*info: nwipe 0\.36\n/, "").replace(/.*banner {3}= .*\n/, "");
    const parse = parseNwipeLog(noVersion);
    expect(drivesOf(parse)[0]?.toolVersion).toBeNull();
    expect(warningsOf(parse)).toEqual(["No nwipe version line found (the log may be cut at the start)"]);
  });
});

describe("one file holding two runs, as `nwipe -l` appends", () => {
  test("each run keeps its own drives and version", () => {
    const drives = drivesOf(parseNwipeLog(`${prngVerifyAll}${dodShortSingle}`));
    expect(drives.map((drive) => [drive.device, drive.method, drive.toolVersion])).toEqual([
      ["/dev/sdc", "PRNG Stream", "0.36"],
      ["/dev/sda", "DoD Short", "0.34 (ShredOS 2023.08.2_25.0_x86-64_0.34)"],
    ]);
  });
});

describe("Windows line endings, colour codes and junk around the log", () => {
  test.each([
    ["DoD Short", dodShortSingle],
    ["three drives", zerosThreeDrives],
    ["PRNG verify all", prngVerifyAll],
    ["aborted", abortedByUser],
  ])("%s parses the same", (_name, log) => {
    const captured = asTerminalCapture(log);
    expect(captured).toContain("\r\n");
    expect(captured).toContain("\u001b[");
    const plain = parseNwipeLog(log);
    expect(plain.ok).toBe(true);
    expect(parseNwipeLog(captured)).toEqual(plain);
  });
});

describe("parseNwipeLog never throws", () => {
  const fragments = [...dodShortSingle.split("\n"), ...zerosThreeDrives.split("\n").slice(-30)];
  const line = fc.oneof(fc.constantFrom(...fragments), fc.string(), fc.string({ unit: "binary" }));
  test("whatever lines it is given, it answers drives or a list of problems", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, newline) => {
        const parse = parseNwipeLog(lines.join(newline));
        if (parse.ok) expect(parse.drives.length).toBeGreaterThan(0);
        else expect(parse.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});

// What the upload limit is (MAX_LOG_BYTES in app/commands/wipes/read-wipe-log.server.ts, out of the domain's reach).
const uploadLimitBytes = 5 * 1024 * 1024;
const fixtureLines = [dodShortSingle, zerosThreeDrives, prngVerifyAll, abortedByUser, notNwipe].flatMap((log) => log.split("\n"));

/** A Drive Status row whose cells are runs of spaces: the old row pattern tried every way to split them. */
function paddedStatusRow(length: number): string {
  const head = "********** Drive Status **********\n   sda |";
  const cell = Math.floor((length - head.length - 3) / 3);
  return `${head}${" ".repeat(cell)}|${" ".repeat(cell)}|${" ".repeat(length - head.length - 2 * cell - 3)}x`;
}

/** `block` repeated and cut to `length` characters. */
function filled(block: string, length: number): string {
  return block.repeat(Math.ceil(length / Math.max(block.length, 1))).slice(0, length);
}

function parseTimed(text: string): { parse: NwipeLogParse; ms: number } {
  const start = performance.now();
  const parse = parseNwipeLog(text);
  return { parse, ms: performance.now() - start };
}

/**
 * The most a parse may take: a fixed part for small inputs and a part per character. Parsing runs at about
 * 0.15 µs a character here when warm and below 1.2 µs cold on this loaded two-core machine; 3 µs leaves
 * room for a busy test run, yet the backtracking this replaces took over 7,000 µs a character.
 */
function allowedMs(text: string): number {
  return 100 + 0.003 * text.length;
}

describe("parsing takes time in proportion to the log's length", () => {
  // The two logs from issue 9: 230 bytes stalled the server for 1.6 s, 430 bytes for 40 s.
  test.each([230, 430])("a crafted %i-character Drive Status row is read in milliseconds", (length) => {
    const text = paddedStatusRow(length);
    expect(text).toHaveLength(length);
    const { parse, ms } = parseTimed(text);
    expect(parse).toEqual({ ok: false, problems: ["The log records no wipe: no drive was started or listed in nwipe's summary"] });
    expect(ms).toBeLessThan(allowedMs(text));
  });

  test("a line longer than MAX_LINE_CHARS is refused with its number; one of exactly that length is read", () => {
    const longest = `${dodShortSingle}\n${"x".repeat(MAX_LINE_CHARS)}`;
    expect(parseNwipeLog(longest)).toEqual(parseNwipeLog(dodShortSingle));
    const tooLong = `${dodShortSingle}\n${" ".repeat(MAX_LINE_CHARS)}x`;
    expect(problemsOf(parseNwipeLog(tooLong))).toEqual([
      `Line ${dodShortSingle.split("\n").length + 1} is ${MAX_LINE_CHARS + 1} characters long; nwipe writes at most 1024 characters a line, so a line over 4096 means this is not a log nwipe wrote`,
    ]);
  });

  test("a log of real runs up to the upload limit parses whole, within the time bound", () => {
    const runs = [dodShortSingle, zerosThreeDrives, prngVerifyAll, abortedByUser].join("");
    const text = runs.repeat(Math.floor(uploadLimitBytes / runs.length));
    const { parse, ms } = parseTimed(text);
    expect(drivesOf(parse)).toHaveLength(7 * Math.floor(uploadLimitBytes / runs.length));
    expect(ms).toBeLessThan(allowedMs(text));
  });

  // Adversarial material: pieces of real lines, runs of the characters the patterns look for, table rows
  // with padded cells; a block of such lines is repeated up to a size, at most the upload limit.
  const realLine = fc.constantFrom(...fixtureLines);
  const run = fc
    .tuple(
      fc.constantFrom(" ", "0", "7", ":", "[", "]", "|", "*", ",", "'", "/", "-", "!", ".", ", ", " |", "1:", "R+B+", "[2023/10/14 09:05:18]"),
      fc.integer({ min: 1, max: 1500 }),
    )
    .map(([unit, times]) => unit.repeat(times));
  const piece = fc.oneof(
    realLine,
    fc.tuple(realLine, fc.nat(), fc.integer({ min: 1, max: 200 })).map(([line, cut, times]) => line.slice(0, cut % (line.length + 1)).repeat(times)),
    run,
    fc.string({ maxLength: 30 }),
    fc.constantFrom("*** Drive Status ***", "*** Error Summary ***", "  notice: Found /dev/sda, ", ", 500 GB, S/N=", "Total Throughput ", " method   = "),
  );
  const tableRow = fc
    .array(fc.oneof(run, fc.constantFrom("   sda ", " Erased ", "00:10:12", " 1 ", "")), { minLength: 2, maxLength: 7 })
    .map((cells) => cells.join("|"));
  const line = fc
    .oneof(
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join("")),
      tableRow,
    )
    .map((text) => text.slice(0, MAX_LINE_CHARS));
  const size = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 64 * 1024 }) },
    { weight: 1, arbitrary: fc.integer({ min: 64 * 1024, max: uploadLimitBytes }) },
  );
  const log = fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 20 }), length: size, newline: fc.constantFrom("\n", "\r\n") });

  test("random and adversarial logs up to the upload limit parse within a bound per character", { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(log, ({ lines, length, newline }) => {
        const text = filled(lines.join(newline) + newline, length);
        const { parse, ms } = parseTimed(text);
        expect(parse.ok ? parse.drives.length : parse.problems.length).toBeGreaterThan(0);
        expect(ms).toBeLessThan(allowedMs(text));
      }),
      {
        numRuns: 50,
        // A failing case is large and slow to parse on broken code: report it as found instead of shrinking it.
        endOnFailure: true,
        examples: [
          [{ lines: [paddedStatusRow(230)], length: 230, newline: "\n" }],
          [
            {
              lines: ["*** Drive Status ***", `   sda |${" ".repeat(1300)}|${" ".repeat(1300)}|${" ".repeat(1300)}x`],
              length: uploadLimitBytes,
              newline: "\n",
            },
          ],
          [{ lines: [`[2023/10/14 09:05:18]  notice: Found /dev/sda, ${", ".repeat(2000)}`], length: uploadLimitBytes, newline: "\n" }],
          [{ lines: ["*".repeat(MAX_LINE_CHARS), " | ".repeat(1300)], length: uploadLimitBytes, newline: "\r\n" }],
        ],
      },
    );
  });
});
