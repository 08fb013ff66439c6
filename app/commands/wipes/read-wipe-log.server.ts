// Reads an uploaded wipe-tool log (nwipe) into draft wipe records for one device's media. Nothing is
// saved: the technician reviews each draft and records it (record-wipe). Drives in the log that the
// device does not have are offered to be added (add-storage-medium), each with its draft ready. It is a
// command all the same, so that who may upload a log is decided here and nowhere else.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { nwipeLogLines, parseNwipeLog } from "~/domain/nwipe-log";
import { draftsFromNwipeLog, type UnknownDrive, type WipeDraft } from "~/domain/wipe-drafts";
import { getDevice } from "~/models/device.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "../devices/device-transition.server";

/** At most this much log is read (an nwipe log of a few drives is a few hundred kB). */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export const readWipeLogInput = z.object({ deviceId: z.number().int().positive(), log: z.string() });
export type ReadWipeLogInput = z.infer<typeof readWipeLogInput>;

export type WipeLogDrafts = {
  drafts: WipeDraft[];
  /** The log's drives that are not storage media of the device, each with the draft of its record. */
  unknownDrives: UnknownDrive[];
  /** The serials of unknownDrives (the answer's older field, kept for clients that read it). */
  ignoredDrives: string[];
};

export function readWipeLog(actor: UserActor, input: ReadWipeLogInput, options: CommandOptions = {}): CommandResult<WipeLogDrafts> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.record");
    const device = requireDevice(tx, input.deviceId, actor);
    if (Buffer.byteLength(input.log, "utf8") > MAX_LOG_BYTES)
      refuse({ reason: "log-unreadable", problems: [`The log is larger than ${MAX_LOG_BYTES / 1024 / 1024} MB.`] });
    if (input.log.trim() === "") refuse({ reason: "log-unreadable", problems: ["The log is empty: choose an nwipe log file."] });
    const media = getDevice(device.row.id, tx)?.media ?? [];
    const parsed = parseNwipeLog(input.log);
    const drafts = draftsFromNwipeLog(parsed, media, parsed.ok ? nwipeLogLines(input.log) : []);
    if (!drafts.ok) refuse({ reason: "log-unreadable", problems: drafts.problems });
    return { drafts: drafts.drafts, unknownDrives: drafts.unknownDrives, ignoredDrives: drafts.unknownDrives.map((drive) => drive.serial) };
  });
}
