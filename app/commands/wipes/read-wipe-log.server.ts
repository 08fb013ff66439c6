// Reads an uploaded wipe-tool log (nwipe) into draft wipe records for one device's media. Nothing is
// saved: the technician reviews each draft and records it (record-wipe). It is a command all the same,
// so that who may upload a log is decided here and nowhere else.
import { z } from "zod";
import type { UserActor } from "~/domain/lifecycle";
import { parseNwipeLog } from "~/domain/nwipe-log";
import { draftsFromNwipeLog, type WipeDraft } from "~/domain/wipe-drafts";
import { getDevice } from "~/models/device.server";
import { refuse, requirePermission, runCommand, type CommandOptions, type CommandResult } from "../command.server";
import { requireDevice } from "../devices/device-transition.server";

/** At most this much log is read (an nwipe log of a few drives is a few hundred kB). */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export const readWipeLogInput = z.object({ deviceId: z.number().int().positive(), log: z.string() });
export type ReadWipeLogInput = z.infer<typeof readWipeLogInput>;

export type WipeLogDrafts = { drafts: WipeDraft[]; ignoredDrives: string[] };

export function readWipeLog(actor: UserActor, input: ReadWipeLogInput, options: CommandOptions = {}): CommandResult<WipeLogDrafts> {
  return runCommand(options, (tx) => {
    requirePermission(actor, "wipe.record");
    const device = requireDevice(tx, input.deviceId, actor);
    if (Buffer.byteLength(input.log, "utf8") > MAX_LOG_BYTES)
      refuse({ reason: "log-unreadable", problems: [`The log is larger than ${MAX_LOG_BYTES / 1024 / 1024} MB.`] });
    if (input.log.trim() === "") refuse({ reason: "log-unreadable", problems: ["The log is empty: choose an nwipe log file."] });
    const media = getDevice(device.row.id, tx)?.media ?? [];
    const drafts = draftsFromNwipeLog(parseNwipeLog(input.log), media);
    if (!drafts.ok) refuse({ reason: "log-unreadable", problems: drafts.problems });
    return { drafts: drafts.drafts, ignoredDrives: drafts.ignoredDrives };
  });
}
