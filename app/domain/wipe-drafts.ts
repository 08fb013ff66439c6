// Drafts ("concepts") of wipe records from a wipe tool's log: each drive in the log that is a storage
// medium of this device (matched by serial number) becomes a draft for the technician to review and save;
// each drive the device does not have yet is offered to be added, with the draft of its record ready.
import type { MediumKind } from "./devices";
import type { NwipeDrive, NwipeLogParse } from "./nwipe-log";
import type { SanitizationMethod, SanitizationTechnique, VerificationLevel, WipeResult } from "./wipes";

/** What a draft record holds besides the medium it is for. */
export type DriveDraft = {
  method: SanitizationMethod;
  technique: SanitizationTechnique;
  rounds: number | null;
  verification: VerificationLevel;
  result: WipeResult;
  startedAt: string | null;
  finishedAt: string | null;
  tool: string;
  toolVersion: string;
  notes: string;
  /** The log's lines about this drive (bounded by MAX_LOG_EXCERPT_CHARS), kept with the record for the validator. */
  logExcerpt: string;
};

export type WipeDraft = DriveDraft & { mediumId: number; serial: string };

/** A drive the log wiped that is not (yet) a storage medium of the device: what the log says about it. */
export type UnknownDrive = { serial: string; kind: MediumKind; capacityGb: number | null; draft: DriveDraft };

export type DraftsFromLog = { ok: true; drafts: WipeDraft[]; unknownDrives: UnknownDrive[] } | { ok: false; problems: string[] };

/** A record keeps at most this much of its log: enough for the validator to read, small enough to store with every record. */
export const MAX_LOG_EXCERPT_CHARS = 4096;

function normalizedSerial(serial: string): string {
  return serial.trim().toUpperCase();
}

function notesFor(drive: NwipeDrive): string {
  const parts = [
    `nwipe method "${drive.method}"`,
    drive.blanking === null ? null : `blanking pass: ${drive.blanking ? "yes" : "no"}`,
    `status: ${drive.status}`,
    `errors: ${drive.errors}`,
    drive.device ? `device: ${drive.device}` : null,
    drive.model ? `model: ${drive.model}` : null,
  ];
  return parts.filter((part) => part !== null).join("; ");
}

/**
 * The kind of drive, as far as the log tells: nwipe names NVMe drives /dev/nvme…, eMMC /dev/mmcblk…;
 * of the others, a model that calls itself an SSD is one, and the rest are taken for hard disks
 * (the technician corrects the kind where the guess is wrong).
 */
export function mediumKindOf(drive: Pick<NwipeDrive, "device" | "model">, bus = ""): MediumKind {
  const device = drive.device ?? "";
  const model = drive.model ?? "";
  if (/\/nvme/i.test(device) || /\bnvme\b/i.test(model) || /nvme/i.test(bus)) return "NVMe";
  if (/\/mmcblk/i.test(device) || /\bemmc\b/i.test(model) || /mmc/i.test(bus)) return "eMMC";
  if (/ssd|solid state/i.test(model) || /ssd/i.test(bus)) return "SSD";
  return "HDD";
}

/** The bus nwipe printed for the drive ("ATA", newer nwipe "ATA-SSD" for a drive that does not rotate), or "". */
function busOf(lines: readonly string[], device: string | null): string {
  if (!device) return "";
  const marker = `Found ${device}, `;
  const line = lines.find((candidate) => candidate.includes(marker));
  if (!line) return "";
  const rest = line.slice(line.indexOf(marker) + marker.length);
  return rest.slice(0, Math.max(0, rest.indexOf(","))).trim();
}

/** Whether `line` names `path` as a whole word (/dev/sda, not /dev/sdab). */
function namesPath(line: string, path: string): boolean {
  for (let at = line.indexOf(path); at !== -1; at = line.indexOf(path, at + 1)) {
    const after = line.charAt(at + path.length);
    if (!/[A-Za-z0-9]/.test(after)) return true;
  }
  return false;
}

/** A row of nwipe's summary tables for the drive nwipe shortens to `tableName` ("   sda |  …"). */
function isTableRowOf(line: string, tableName: string): boolean {
  const bar = line.indexOf("|");
  return (
    bar !== -1 &&
    line
      .slice(0, bar)
      .replace(/^[\s!]+/, "")
      .trim() === tableName
  );
}

// nwipe's version, the run's settings and the summary tables' titles and headers: what every drive's excerpt needs.
// Each alternative has one quantifier per run of characters, so a line costs time in proportion to its length.
const CONTEXT_LINE =
  /\] +(?:\w+: +)?(?:nwipe \d|ShredOS v)|: +(?:method|rounds|verify|prng) += |do not perform a final blank pass|Total Throughput|\*\*\* (?:Error Summary|Drive Status) \*\*\*|^[\s!]*Device \|/;

/**
 * The lines of the log about one drive, for the validator: nwipe's version, the lines naming the drive
 * (by its path or serial), its rows of the summary tables and the run's settings line. At most
 * `maxChars`: a longer excerpt keeps its start and its end, and says how many lines it leaves out.
 */
export function driveLogExcerpt(lines: readonly string[], drive: Pick<NwipeDrive, "device" | "serial">, maxChars = MAX_LOG_EXCERPT_CHARS): string {
  const device = drive.device;
  const tableName = device ? (device.split("/").pop() ?? device).slice(-8) : null;
  const serial = drive.serial?.trim() || null;
  const chosen = lines
    .map((line) => line.trimEnd())
    .filter(
      (line) =>
        line.trim() !== "" &&
        ((device !== null && namesPath(line, device)) ||
          (serial !== null && line.includes(serial)) ||
          (tableName !== null && isTableRowOf(line, tableName)) ||
          CONTEXT_LINE.test(line)),
    );
  return boundedExcerpt(chosen, maxChars);
}

function boundedExcerpt(lines: string[], maxChars: number): string {
  const whole = lines.join("\n");
  if (whole.length <= maxChars) return whole;
  const half = Math.floor((maxChars - 80) / 2);
  const head: string[] = [];
  let headLength = 0;
  for (const line of lines) {
    if (headLength + line.length + 1 > half) break;
    head.push(line);
    headLength += line.length + 1;
  }
  const tail: string[] = [];
  let tailLength = 0;
  for (let index = lines.length - 1; index >= head.length; index--) {
    const line = lines[index] ?? "";
    if (tailLength + line.length + 1 > half) break;
    tail.unshift(line);
    tailLength += line.length + 1;
  }
  const leftOut = lines.length - head.length - tail.length;
  return [...head, `[… ${leftOut} lines left out …]`, ...tail].join("\n").slice(0, maxChars);
}

function draftOf(drive: NwipeDrive, lines: readonly string[]): DriveDraft {
  return {
    method: drive.nistMethod,
    technique: drive.technique,
    rounds: drive.rounds ?? 1,
    verification: drive.verification,
    result: drive.result,
    startedAt: drive.startedAt,
    finishedAt: drive.finishedAt,
    tool: drive.tool,
    toolVersion: drive.toolVersion ?? "unknown",
    notes: notesFor(drive),
    logExcerpt: driveLogExcerpt(lines, drive),
  };
}

/**
 * A problem as a translation key with its values ("key {json}", as app/forms/fields.ts messageWithValues
 * writes them): the page says it in the reader's language, the API in English.
 */
function problemWithValues(key: string, values: Record<string, string>): string {
  return `${key} ${JSON.stringify(values)}`;
}

/**
 * Drafts for the device's media in the log, and the log's other drives offered to be added. A device
 * without media yet (registered without drives) is offered every drive; one with media whose log names
 * none of them is refused: that log is most likely another device's.
 */
export function draftsFromNwipeLog(parsed: NwipeLogParse, media: { id: number; serial: string }[], lines: readonly string[] = []): DraftsFromLog {
  if (!parsed.ok) return parsed;
  if (parsed.drives.length === 0) return { ok: false, problems: ["The log names no drive."] };
  const drafts: WipeDraft[] = [];
  const unknown = new Map<string, UnknownDrive>();
  for (const drive of parsed.drives) {
    const serial = drive.serial?.trim() ?? "";
    const medium = serial ? media.find((candidate) => normalizedSerial(candidate.serial) === normalizedSerial(serial)) : undefined;
    if (medium) {
      drafts.push({ mediumId: medium.id, serial: medium.serial, ...draftOf(drive, lines) });
      continue;
    }
    // A drive wiped in two runs of one log counts once, as its latest run left it.
    if (serial) {
      const kind = mediumKindOf(drive, busOf(lines, drive.device));
      unknown.set(normalizedSerial(serial), { serial, kind, capacityGb: drive.capacityGb || null, draft: draftOf(drive, lines) });
    }
  }
  if (drafts.length === 0 && media.length > 0) {
    const named = parsed.drives.map((drive) => drive.serial ?? drive.device ?? "?").join(", ");
    const own = media.map((medium) => medium.serial).join(", ");
    return { ok: false, problems: [problemWithValues("errors.wipe.logNamesOtherDrives", { logDrives: named, deviceDrives: own })] };
  }
  return { ok: true, drafts, unknownDrives: [...unknown.values()] };
}
