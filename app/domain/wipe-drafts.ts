// Drafts of wipe records from a wipe tool's log: each drive in the log that is a storage medium of
// this device (matched by serial number) becomes a draft for the technician to review and save.
import type { NwipeDrive, NwipeLogParse } from "./nwipe-log";
import type { SanitizationMethod, SanitizationTechnique, VerificationLevel, WipeResult } from "./wipes";

export type WipeDraft = {
  mediumId: number;
  serial: string;
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
};

export type DraftsFromLog = { ok: true; drafts: WipeDraft[]; ignoredDrives: string[] } | { ok: false; problems: string[] };

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

export function draftsFromNwipeLog(parsed: NwipeLogParse, media: { id: number; serial: string }[]): DraftsFromLog {
  if (!parsed.ok) return parsed;
  if (parsed.drives.length === 0) return { ok: false, problems: ["The log names no drive."] };
  const drafts: WipeDraft[] = [];
  const ignoredDrives: string[] = [];
  for (const drive of parsed.drives) {
    const medium = drive.serial ? media.find((candidate) => normalizedSerial(candidate.serial) === normalizedSerial(drive.serial ?? "")) : undefined;
    if (!medium) {
      ignoredDrives.push(drive.serial ?? drive.device ?? drive.model ?? "?");
      continue;
    }
    drafts.push({
      mediumId: medium.id,
      serial: medium.serial,
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
    });
  }
  if (drafts.length === 0) {
    const named = parsed.drives.map((drive) => drive.serial ?? drive.device ?? "?").join(", ");
    const own = media.map((medium) => medium.serial).join(", ") || "none";
    return { ok: false, problems: [`The log names drives ${named}, but none is a storage medium of this device (its media: ${own}).`] };
  }
  return { ok: true, drafts, ignoredDrives };
}
